/**
 * An image's match to the catalogue as lines to show, one per part (the microscope, the
 * objective, each channel's light source, emission filter and detector): what it matched and why, or why
 * nothing did and what fits equally or looks alike. `acqmeta show` prints them; the editor's
 * Acquisition section lists them.
 */
import type { InstrumentMatch, PartMatch } from './instrument-match';

/** How a part came out: one component fits; several do; none does; not looked for; nothing recorded to match by. */
export type MatchStatus = 'matched' | 'ambiguous' | 'not in the catalogue' | 'not looked for' | 'not recorded';

/** One part of the match, in words. */
export interface MatchLine {
  /** `Microscope`, `Objective`, `Light source, channel 1`, `Emission filter, channel 1`. */
  label: string;
  status: MatchStatus;
  /** The catalogue's name of the component matched; null unless `matched`. */
  name: string | null;
  /** Why, without the words of the status: `by model name`, `no light source has a line at 561 nm`. */
  reason: string;
  /** The names of the components that fit equally (`ambiguous`) or look alike (`not in the catalogue`). */
  candidates: string[];
}

/** Statuses the evidence of an unmatched part opens with (instrument-match.ts and objective-match.ts word them). */
const OPENINGS: readonly MatchStatus[] = ['not in the catalogue', 'not looked for'];

function line(label: string, part: PartMatch | null, unrecorded = ''): MatchLine {
  if (part === null) return { label, status: 'not recorded', name: null, reason: unrecorded, candidates: [] };
  const candidates = part.candidates.map((c) => c.Name);
  if (part.Name !== null) return { label, status: 'matched', name: part.Name, reason: part.evidence, candidates };
  const status = OPENINGS.find((opening) => part.evidence.startsWith(`${opening}: `)) ?? 'ambiguous';
  const reason = status === 'ambiguous' ? part.evidence : part.evidence.slice(status.length + 2);
  return { label, status, name: null, reason, candidates };
}

/** The lines of `match`, microscope first. */
export function matchLines(match: InstrumentMatch): MatchLine[] {
  return [
    line('Microscope', match.instrument, 'the file names no model'),
    line('Objective', match.objective, 'the file records none'),
    ...match.light_sources.map((m) => line(`Light source, channel ${m.channel + 1}`, m)),
    ...match.filters.map((m) => line(`Emission filter, channel ${m.channel + 1}`, m)),
    ...match.detectors.map((m) => line(`Detector, channel ${m.channel + 1}`, m)),
  ];
}

/** A line's match in words: `CD7 5x (by model name)`, or `none: not in the catalogue: …; look-alikes: a, b`. */
export function matchLineText(match: MatchLine): string {
  if (match.status === 'not recorded') return match.reason;
  if (match.status === 'matched') return `${match.name} (${match.reason})`;
  const evidence = match.status === 'ambiguous' ? match.reason : `${match.status}: ${match.reason}`;
  const kind = match.status === 'ambiguous' ? 'candidates' : 'look-alikes';
  return `none: ${evidence}${match.candidates.length === 0 ? '' : `; ${kind}: ${match.candidates.join(', ')}`}`;
}
