/**
 * An image's match to the catalogue as lines to show, one per part (the microscope, the
 * objective, each channel's light source and emission filter): what it matched and why, or why
 * nothing did and what fits equally or looks alike. `acqmeta show` prints them; the editor's
 * Acquisition section lists them.
 */
import type { InstrumentMatch, PartMatch } from './instrument-match';

/** One part of the match, in words. */
export interface MatchLine {
  /** `Microscope`, `Objective`, `Light source, channel 1`, `Emission filter, channel 1`. */
  label: string;
  /** The catalogue's name of the component matched; null when none, or several, fit. */
  name: string | null;
  evidence: string;
  /** `candidates` when several fit equally, `look-alikes` when none fits. */
  candidatesAre: 'candidates' | 'look-alikes';
  /** The names of the candidates or look-alikes. */
  candidates: string[];
  /** False when the file records nothing to match this part by (the evidence says what). */
  recorded: boolean;
}

function line(label: string, part: PartMatch | null, unrecorded = ''): MatchLine {
  if (part === null)
    return { label, name: null, evidence: unrecorded, candidatesAre: 'candidates', candidates: [], recorded: false };
  return {
    label,
    name: part.Name,
    evidence: part.evidence,
    candidatesAre: part.evidence.startsWith('not') ? 'look-alikes' : 'candidates',
    candidates: part.candidates.map((c) => c.Name),
    recorded: true,
  };
}

/** The lines of `match`, microscope first. */
export function matchLines(match: InstrumentMatch): MatchLine[] {
  return [
    line('Microscope', match.instrument, 'the file names no model'),
    line('Objective', match.objective, 'the file records none'),
    ...match.light_sources.map((m) => line(`Light source, channel ${m.channel + 1}`, m)),
    ...match.filters.map((m) => line(`Emission filter, channel ${m.channel + 1}`, m)),
  ];
}

/** A line's match in words: `CD7 5x (by model name)`, or `none: not in the catalogue: …; look-alikes: a, b`. */
export function matchLineText(match: MatchLine): string {
  if (!match.recorded) return match.evidence;
  if (match.name !== null) return `${match.name} (${match.evidence})`;
  const names = match.candidates.length === 0 ? '' : `; ${match.candidatesAre}: ${match.candidates.join(', ')}`;
  return `none: ${match.evidence}${names}`;
}
