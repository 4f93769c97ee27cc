/**
 * An image matched to the lab's microscope descriptions: the microscope by the lab's rule (a
 * profile's `x-microscope`, see microscope-rule.ts) or the model its header names, the objective
 * (see objective-match.ts), each channel's light source by its excitation (± 2 nm of a line;
 * none: the sources with the nearest line within 20 nm look alike), its emission filter by the
 * band that holds its emission and its detector (see detector-match.ts).
 * Every part carries its evidence; a part that fits several components lists them as candidates.
 */
import type { Acquisition } from '../acquisition/acquisition-types';
import type { InstrumentComponent, InstrumentDescription } from './instrument-types';
import { bare, fitDetector, recordsDetector } from './detector-match';
import { ruledMicroscope, type MicroscopeRule } from './microscope-rule';
import { matchObjective } from './objective-match';
import { pixelSizeCheck } from './pixel-size-check';

/** How far a recorded excitation may be from a light source's line, in nm. */
export const LINE_TOLERANCE_NM = 2;
/** How far the nearest line of a look-alike light source may be from the recorded excitation, in nm. */
const LOOK_ALIKE_NM = 20;

/** A component (or a microscope) as a match names it: its `ID` and `Name` in the description file. */
export interface MatchedComponent {
  ID: string;
  Name: string;
  /** The description file it is in. */
  file: string;
}

/** One part of an image matched: what fits (null: none, or several), why, and the candidates. */
export interface PartMatch {
  ID: string | null;
  Name: string | null;
  file: string | null;
  evidence: string;
  /** The components that fit equally, or look alike when none fits. */
  candidates: MatchedComponent[];
}

/** A channel's part matched (its light source, its emission filter, its detector). */
export interface ChannelPartMatch extends PartMatch {
  /** The channel's index in the image's acquisition. */
  channel: number;
}

/** An image matched to the catalogue; a part is null when the file records nothing to match it by. */
export interface InstrumentMatch {
  /** The description files matched against. */
  catalogue: string[];
  instrument: PartMatch | null;
  objective: PartMatch | null;
  light_sources: ChannelPartMatch[];
  filters: ChannelPartMatch[];
  /** Each channel's detector, for the channels whose file records one (a model, a name, a serial number or a type). */
  detectors: ChannelPartMatch[];
  /** What to check in the image against the microscope matched: a model the lab's rule contradicts, a pixel size that does not fit its camera. */
  warnings: string[];
}

const named = (component: { id: string; name: string }, file: string): MatchedComponent => ({
  ID: component.id,
  Name: component.name,
  file,
});

/** A part that fits `found` (one: matched; several: ambiguous), or none (`none` says what is missing), with `alike` as candidates. */
function part(
  found: MatchedComponent[],
  evidence: string,
  ambiguous: string,
  none: string,
  alike: MatchedComponent[] = [],
): PartMatch {
  const [only] = found;
  if (found.length === 1 && only !== undefined) return { ...only, evidence, candidates: [] };
  return found.length > 1
    ? { ID: null, Name: null, file: null, evidence: ambiguous, candidates: found }
    : { ID: null, Name: null, file: null, evidence: `not in the catalogue: ${none}`, candidates: alike };
}

function matchMicroscope(acquisition: Acquisition, catalogue: readonly InstrumentDescription[]): PartMatch | null {
  const model = acquisition.instrument?.model;
  if (model === undefined || bare(model) === '') return null;
  const same = catalogue.filter((d) => d.stand.model !== undefined && bare(d.stand.model) === bare(model));
  return part(
    same.map((d) => named(d, d.file)),
    `by the model the file names (${model})`,
    `${same.length} microscopes are a ${model}`,
    `no microscope is a ${model}`,
  );
}

/**
 * The microscope the lab's `rule` names (the rule is in force: the file need name no model), and
 * the warning when the model the file names is another one; null when the rule names none.
 */
function byRule(
  acquisition: Acquisition,
  catalogue: readonly InstrumentDescription[],
  rule: MicroscopeRule,
): { instrument: PartMatch; warnings: string[] } | null {
  const ruled = ruledMicroscope(rule, catalogue);
  if (ruled === null) return null;
  const instrument = { ...named(ruled, ruled.file), evidence: `by the lab's rule in ${rule.profile}`, candidates: [] };
  const model = acquisition.instrument?.model;
  const stand = ruled.stand.model;
  const contradicted =
    model !== undefined && bare(model) !== '' && (stand === undefined || bare(stand) !== bare(model));
  const warnings = contradicted
    ? [
        `the file names the microscope ${model}, but the lab's rule in ${rule.profile} says ${ruled.name}` +
          `${stand === undefined ? '' : ` (a ${stand})`}: check which microscope took the image`,
      ]
    : [];
  return { instrument, warnings };
}

/** The components of `kind` in `descriptions`, each with the file it is in. */
function componentsOf(descriptions: readonly InstrumentDescription[], kind: InstrumentComponent['kind']) {
  return descriptions.flatMap((d) => d.components.filter((c) => c.kind === kind).map((c) => ({ c, file: d.file })));
}

/** The light sources whose line is nearest `ex` (within {@link LOOK_ALIKE_NM}): the look-alikes of an excitation none has. */
function nearestLines(sources: readonly { c: InstrumentComponent; file: string }[], ex: number): MatchedComponent[] {
  const distance = (c: InstrumentComponent): number =>
    Math.min(Infinity, ...(c.wavelengths_nm ?? []).map((nm) => Math.abs(nm - ex)));
  const nearest = Math.min(Infinity, ...sources.map(({ c }) => distance(c)));
  if (nearest > LOOK_ALIKE_NM) return [];
  return sources.filter(({ c }) => distance(c) === nearest).map(({ c, file }) => named(c, file));
}

/** Each channel's detector, for the channels that record something of theirs. */
function detectorMatches(acquisition: Acquisition, scope: readonly InstrumentDescription[]): ChannelPartMatch[] {
  const detectors = componentsOf(scope, 'detector');
  const out: ChannelPartMatch[] = [];
  (acquisition.channels ?? []).forEach((channel, i) => {
    if (!recordsDetector(channel)) return;
    const fit = fitDetector(channel, detectors, scope.length === 1);
    const filed = (list: typeof detectors) => list.map(({ c, file }) => named(c, file));
    out.push({ channel: i, ...part(filed(fit.found), fit.evidence, fit.ambiguous, fit.none, filed(fit.alike)) });
  });
  return out;
}

function channelMatches(
  acquisition: Acquisition,
  scope: readonly InstrumentDescription[],
): Pick<InstrumentMatch, 'light_sources' | 'filters'> {
  const sources = componentsOf(scope, 'light-source');
  const filters = componentsOf(scope, 'emission-filter');
  const light_sources: ChannelPartMatch[] = [];
  const emission: ChannelPartMatch[] = [];
  (acquisition.channels ?? []).forEach((channel, i) => {
    const ex = channel.excitation_nm;
    if (ex !== undefined) {
      const lit = sources.filter(({ c }) =>
        (c.wavelengths_nm ?? []).some((nm) => Math.abs(nm - ex) <= LINE_TOLERANCE_NM),
      );
      const found = lit.map(({ c, file }) => named(c, file));
      light_sources.push({
        channel: i,
        ...part(
          found,
          `a line within ${LINE_TOLERANCE_NM} nm of the excitation ${ex} nm`,
          `${found.length} light sources have a line at ${ex} nm`,
          `no light source has a line at ${ex} nm`,
          found.length === 0 ? nearestLines(sources, ex) : [],
        ),
      });
    }
    const em = channel.emission_nm;
    if (em !== undefined) {
      const holding = filters.filter(({ c }) =>
        (c.bands ?? []).some((band) => Math.abs(em - band.centre_nm) <= band.width_nm / 2),
      );
      const found = holding.map(({ c, file }) => named(c, file));
      emission.push({
        channel: i,
        ...part(
          found,
          `its band holds the emission ${em} nm`,
          `${found.length} emission filters pass ${em} nm`,
          `no emission filter passes ${em} nm`,
        ),
      });
    }
  });
  return { light_sources, filters: emission };
}

/**
 * The microscopes whose parts an image may have used: the one matched; those that fit equally;
 * none when the file names a microscope the catalogue does not hold; every one when it names none.
 */
function partsScope(
  instrument: PartMatch | null,
  catalogue: readonly InstrumentDescription[],
): InstrumentDescription[] {
  if (instrument === null) return [...catalogue];
  const fits = instrument.ID === null ? instrument.candidates : [instrument];
  return catalogue.filter((d) => fits.some((m) => m.ID === d.id && m.file === d.file));
}

/**
 * The image of `acquisition` matched to `catalogue` (the lab's descriptions in force for its
 * folder), with the lab's `rule` for its folder when a profile states one.
 */
export function matchInstrument(
  acquisition: Acquisition,
  catalogue: readonly InstrumentDescription[],
  rule: MicroscopeRule | null = null,
): InstrumentMatch {
  const ruled = rule === null ? null : byRule(acquisition, catalogue, rule);
  const instrument = ruled?.instrument ?? matchMicroscope(acquisition, catalogue);
  const scope = partsScope(instrument, catalogue);
  const objectives = componentsOf(scope, 'objective');
  const recorded = acquisition.objective;
  const found =
    recorded === undefined
      ? null
      : matchObjective(
          recorded,
          objectives.map(({ c }) => c),
        );
  const fileOf = (component: InstrumentComponent): string => objectives.find(({ c }) => c === component)?.file ?? '';
  const objective: PartMatch | null =
    found === null
      ? null
      : {
          ID: found.objective?.id ?? null,
          Name: found.objective?.name ?? null,
          file: found.objective === null ? null : fileOf(found.objective),
          evidence: found.evidence,
          candidates: found.candidates.map((c) => named(c, fileOf(c))),
        };
  // the camera is known only on one microscope: the one matched, or the catalogue's only one
  const magnification = found?.objective?.magnification ?? recorded?.magnification;
  const match = {
    catalogue: catalogue.map((d) => d.file),
    instrument,
    objective,
    ...channelMatches(acquisition, scope),
    detectors: detectorMatches(acquisition, scope),
    warnings: [
      ...(ruled?.warnings ?? []),
      ...(scope.length === 1 ? pixelSizeCheck(acquisition, scope, magnification) : []),
    ],
  };
  return scope.length === 0 && instrument !== null
    ? withoutMicroscope(match, acquisition.instrument?.model ?? '')
    : match;
}

/** The match of an image whose microscope (`model`) the catalogue does not hold: its parts were not looked for. */
function withoutMicroscope(match: InstrumentMatch, model: string): InstrumentMatch {
  const evidence = `not looked for: the microscope (${model}) is not in the catalogue`;
  const unsought = <T extends PartMatch>(part: T): T => ({ ...part, evidence, candidates: [] });
  return {
    ...match,
    objective: match.objective === null ? null : unsought(match.objective),
    light_sources: match.light_sources.map(unsought),
    filters: match.filters.map(unsought),
    detectors: match.detectors.map(unsought),
  };
}
