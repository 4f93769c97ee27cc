/**
 * Which objective of a lab's microscope descriptions an image was taken with, and why: by the
 * model string the file records (after normalising spelling: `Plan-Apochromat` ≈ `PlanApo`,
 * case, punctuation, `1.40` ≈ `1.4`), else by magnification, NA (± 0.01) and immersion. Two
 * objectives that fit equally are candidates, never a guess; none is "not in the catalogue",
 * with the look-alikes (the same magnification) as candidates.
 */
import type { AcquisitionObjective } from '../acquisition/acquisition-types';
import type { InstrumentComponent } from './instrument-types';

/** How far a recorded NA may be from a catalogued one and still be the same objective. */
export const NA_TOLERANCE = 0.01;

/** An image's objective matched to a catalogue. */
export interface ObjectiveMatch {
  /** The objective used; null when none, or more than one, fits. */
  objective: InstrumentComponent | null;
  /** Why, in words: `by model name`, `by magnification 63×, NA 1.4 and immersion Oil`, or why not. */
  evidence: string;
  /** The objectives that fit equally (ambiguous), or that look alike (same magnification) when none fits. */
  candidates: InstrumentComponent[];
}

/** Spellings of the same correction class and medium, mapped to one word. */
const SPELLINGS: [RegExp, string][] = [
  [/apochromat/g, 'apo'],
  [/achromat/g, 'achro'],
  [/neofluar/g, 'neofluar'],
  [/fluorite|fluor\b/g, 'fl'],
  [/λ|lambda/g, 'l'],
  [/×/g, 'x'],
];

/** An objective's name reduced for comparison: lower case, spellings unified, trailing zeros and punctuation gone. */
export function normalisedObjectiveName(name: string): string {
  let text = name.normalize('NFKC').toLowerCase();
  for (const [pattern, word] of SPELLINGS) text = text.replace(pattern, word);
  text = text.replace(/(\d)\.(\d*?)0+(?!\d)/g, (_, whole: string, fraction: string) =>
    fraction === '' ? whole : `${whole}.${fraction}`,
  );
  return text.replace(/[^a-z0-9.]+/g, '');
}

/** Immersion media as written by vendors and the Micro-Meta App, mapped to one word. */
const MEDIA: [RegExp, string][] = [
  [/oil/i, 'oil'],
  [/water|w\.?i\.?\b/i, 'water'],
  [/glyc/i, 'glycerol'],
  [/silicon/i, 'silicone'],
  [/air|dry|none/i, 'air'],
  [/multi/i, 'multi'],
];

/** The immersion medium, normalised (`Mineral Oil` → `oil`, `GLYC` → `glycerol`); undefined when unknown. */
export function normalisedImmersion(medium: string | undefined): string | undefined {
  if (medium === undefined) return undefined;
  return MEDIA.find(([pattern]) => pattern.test(medium))?.[1];
}

const namesOf = (objective: InstrumentComponent): string[] =>
  [objective.model, objective.name].filter((name): name is string => name !== undefined && name !== '');

/** Whether the catalogued objective fits the recorded magnification, NA and immersion (each compared where both have it). */
function fitsOptics(recorded: AcquisitionObjective, objective: InstrumentComponent): boolean {
  if (recorded.magnification === undefined || recorded.na === undefined) return false;
  if (objective.magnification === undefined || objective.na === undefined) return false;
  if (Math.abs(recorded.magnification - objective.magnification) > 0.5) return false;
  if (Math.abs(recorded.na - objective.na) > NA_TOLERANCE + 1e-9) return false;
  const [a, b] = [normalisedImmersion(recorded.immersion), normalisedImmersion(objective.immersion)];
  return a === undefined || b === undefined || a === b;
}

/** The objective among `catalogue` (the descriptions' objectives) that the image's `recorded` one is. */
export function matchObjective(
  recorded: AcquisitionObjective | undefined,
  catalogue: readonly InstrumentComponent[],
): ObjectiveMatch {
  const objectives = catalogue.filter((component) => component.kind === 'objective');
  if (recorded === undefined) return { objective: null, evidence: 'the file records no objective', candidates: [] };
  const name = recorded.name === undefined ? '' : normalisedObjectiveName(recorded.name);
  if (name !== '') {
    const byName = objectives.filter((objective) =>
      namesOf(objective).some((n) => normalisedObjectiveName(n) === name),
    );
    if (byName.length === 1)
      return { objective: byName[0] as InstrumentComponent, evidence: 'by model name', candidates: [] };
    if (byName.length > 1)
      return {
        objective: null,
        evidence: `${byName.length} objectives have the model name "${recorded.name}"`,
        candidates: byName,
      };
  }
  const optics = opticsText(recorded);
  const fitting = objectives.filter((objective) => fitsOptics(recorded, objective));
  if (fitting.length === 1)
    return { objective: fitting[0] as InstrumentComponent, evidence: `by ${optics}`, candidates: [] };
  if (fitting.length > 1)
    return { objective: null, evidence: `${fitting.length} objectives have ${optics}`, candidates: fitting };
  const alike = objectives.filter(
    (objective) =>
      recorded.magnification !== undefined &&
      objective.magnification !== undefined &&
      Math.abs(recorded.magnification - objective.magnification) <= 0.5,
  );
  const none = optics === '' ? 'the file records no magnification or NA' : `no objective has ${optics}`;
  return { objective: null, evidence: `not in the catalogue: ${none}`, candidates: alike };
}

/** `magnification 63×, NA 1.4 and immersion Oil`, from what is recorded. */
function opticsText({ magnification, na, immersion }: AcquisitionObjective): string {
  const parts = [
    ...(magnification === undefined ? [] : [`magnification ${magnification}×`]),
    ...(na === undefined ? [] : [`NA ${Math.round(na * 1000) / 1000}`]),
    ...(immersion === undefined ? [] : [`immersion ${immersion}`]),
  ];
  return parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
