/**
 * The catalogue's components an image matched, as the drafts and the submission exports use
 * them: the microscope's description, and the objective, light sources and emission filters it
 * holds, each only where exactly one fits (an ambiguous part is no part). A placeholder value
 * (three or more nines) is never given: a draft says nothing rather than "999".
 */
import { isPlaceholder } from './instrument-checks';
import type { ChannelPartMatch, InstrumentMatch, PartMatch } from './instrument-match';
import type { InstrumentComponent, InstrumentDescription } from './instrument-types';

/** A component matched, with the description file it is in. */
export interface MatchedPart {
  readonly component: InstrumentComponent;
  readonly file: string;
}

/** What an image matched in the catalogue in force for it (nothing matched: all null or empty). */
export interface MatchedHardware {
  readonly microscope: InstrumentDescription | null;
  readonly objective: MatchedPart | null;
  /** The light sources of the channels, in channel order, each once. */
  readonly lightSources: readonly MatchedPart[];
  /** The emission filters of the channels, in channel order, each once. */
  readonly filters: readonly MatchedPart[];
  /** Each channel's parts, by the channel's index in the image's acquisition; absent when nothing was matched. */
  readonly channels?: readonly ChannelParts[];
}

/** The parts one channel of an image went through, each null where none (or several) fit. */
export interface ChannelParts {
  readonly channel: number;
  readonly lightSource: MatchedPart | null;
  readonly filter: MatchedPart | null;
  readonly detector: MatchedPart | null;
}

/** `text`, unless it is empty or a placeholder. */
export function realValue(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' || isPlaceholder(text) ? undefined : text.trim();
}

/** The components of `match` found in `catalogue` (the descriptions it was matched against). */
export function matchedHardware(match: InstrumentMatch, catalogue: readonly InstrumentDescription[]): MatchedHardware {
  const partOf = (part: PartMatch | null): MatchedPart | null => {
    if (part?.ID == null) return null;
    const component = catalogue.find((d) => d.file === part.file)?.components.find((c) => c.id === part.ID);
    return component === undefined ? null : { component, file: part.file as string };
  };
  const each = (parts: readonly PartMatch[]): MatchedPart[] => {
    const found: MatchedPart[] = [];
    for (const one of parts.map(partOf))
      if (one !== null && !found.some((f) => f.component === one.component)) found.push(one);
    return found;
  };
  const stand = match.instrument;
  const indices = [...new Set([match.light_sources, match.filters, match.detectors].flat().map((p) => p.channel))];
  const ofChannel = (parts: readonly ChannelPartMatch[], channel: number) =>
    partOf(parts.find((p) => p.channel === channel) ?? null);
  return {
    microscope: stand?.ID == null ? null : (catalogue.find((d) => d.file === stand.file && d.id === stand.ID) ?? null),
    objective: partOf(match.objective),
    lightSources: each(match.light_sources),
    filters: each(match.filters),
    channels: indices
      .sort((a, b) => a - b)
      .map((channel) => ({
        channel,
        lightSource: ofChannel(match.light_sources, channel),
        filter: ofChannel(match.filters, channel),
        detector: ofChannel(match.detectors, channel),
      })),
  };
}

/** `Zeiss Axio Observer Z1`: the stand's manufacturer and model (the manufacturer once); '' when it gives neither. */
export function standModel(microscope: InstrumentDescription): string {
  const maker = realValue(microscope.stand.manufacturer);
  const model = realValue(microscope.stand.model);
  if (model === undefined) return maker ?? '';
  return maker === undefined || model.toLowerCase().startsWith(maker.toLowerCase()) ? model : `${maker} ${model}`;
}

/** `Zeiss Axio Observer Z1 (ABIF Axiovert1, catalogue number 431007)`: how a draft names a microscope matched. */
export function microscopeWords(microscope: InstrumentDescription): string {
  const model = standModel(microscope);
  const catalogNumber = realValue(microscope.stand.catalogNumber);
  const said = [
    model === '' ? undefined : microscope.name,
    catalogNumber === undefined ? undefined : `catalogue number ${catalogNumber}`,
  ].filter((part) => part !== undefined && part !== '');
  return `${model === '' ? microscope.name : model}${said.length === 0 ? '' : ` (${said.join(', ')})`}`;
}

/**
 * `Plan-Apochromat 63x/1.40 Oil (Zeiss 420782-9900)`: a component named `named` (by default its
 * model, else its name), with its manufacturer and catalogue number; inside the parentheses
 * `named` ends with, if it does (`Plan Apo λ 60x (NA 0.95, Nikon MRD00605)`).
 */
export function componentWords(
  component: InstrumentComponent,
  named: string = realValue(component.model) ?? component.name,
): string {
  const maker = [realValue(component.manufacturer), realValue(component.catalogNumber)].filter((p) => p !== undefined);
  if (maker.length === 0) return named;
  return named.endsWith(')') ? `${named.slice(0, -1)}, ${maker.join(' ')})` : `${named} (${maker.join(' ')})`;
}
