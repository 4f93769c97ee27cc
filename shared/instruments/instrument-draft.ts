/**
 * A microscope description drafted from what an image's file records (its acquisition model,
 * filled from the OME `Instrument` block or a vendor file's metadata): the stand, the objective
 * (its correction class from its name), a light source per excitation line (a laser, an LED, an
 * arc or a filament lamp where the file says which) and each detector the channels name, in the
 * Micro-Meta App's layout with fresh IDs.
 */
import type { Acquisition, LightSourceKind } from '../acquisition/acquisition-types';
import type { InstrumentDraft } from '../api-instruments';
import { cleanNumber, numberText } from '../number-text';
import { applyInstrumentEdits, NEW_MODEL_VERSION, newInstrumentText } from './instrument-edit';

/** How a recorded immersion is written as the schema's `ImmersionType`. */
const IMMERSIONS: [RegExp, string][] = [
  [/^(oil|mineral ?oil)$/i, 'Mineral Oil'],
  [/^(water|w)$/i, 'Water'],
  [/^(air|dry|none)$/i, 'Air'],
  [/^(glycerol|glyc|glycerin)$/i, 'Glycerol'],
  [/^(silicone|silicone ?oil|sil)$/i, 'Silicone Oil'],
  [/^multi/i, 'Multi'],
];

/** Correction classes an objective's name states, first match wins (the schema's `Correction` names). */
const CORRECTIONS: [RegExp, string][] = [
  [/plan[- ]?apochromat/i, 'PlanApochromat'],
  [/plan[- ]?apo\b/i, 'PlanApo'],
  [/plan[- ]?neofluar/i, 'PlanNeofluar'],
  [/plan[- ]?fluor/i, 'PlanFluor'],
  [/super[- ]?fluor/i, 'SuperFluor'],
  [/c[- ]achroplan/i, 'C-Achroplan'],
  [/achroplan/i, 'Achroplan'],
  [/neofluar/i, 'Neofluar'],
  [/fluotar/i, 'Fluotar'],
  [/fluar/i, 'Fluar'],
  [/apochromat/i, 'Apochromat'],
  [/achromat/i, 'Achromat'],
];

/**
 * The schema of a detector, and its `Type` where the schema has one, from its recorded type (or,
 * when none, its name: `HyD 1`, `PmtSPI1`); first match wins. The schemas have no EMCCD or sCMOS
 * of their own: an EMCCD is a `CCD.json` of `Type` `EMCCD`, an sCMOS a `CMOS.json` of `Scientific`.
 */
const DETECTOR_SCHEMAS: [RegExp, string, string?][] = [
  [/em-?ccd/i, 'CCD.json', 'EMCCD'],
  [/intensified|\b(eb|i)ccd/i, 'CCD.json', 'Other'],
  [/\bs-?cmos|scientific/i, 'CMOS.json', 'Scientific'],
  [/cmos/i, 'CMOS.json'],
  [/ccd/i, 'CCD.json'],
  [/hyd|hybrid/i, 'HybridPhotoDetector.json'],
  [/pmt|photomultiplier|gaasp/i, 'PhotoMultiplierTube.json'],
];

/** The schema a part whose kind the file does not say is drafted as (the editor does not offer it). */
const GENERIC_DETECTOR = 'GenericDetector.json';

/** Each distinct detector the channels of `acquisition` name, as a component's fields (its `Schema_ID` among them). */
function recordedDetectors(acquisition: Acquisition | null | undefined): Record<string, unknown>[] {
  const found = new Map<string, Record<string, unknown>>();
  for (const channel of acquisition?.channels ?? []) {
    const { detector_name: name, detector_manufacturer: maker, detector_model: model } = channel;
    const { detector_type: type, detector_serial: serial } = channel;
    const label = name ?? model;
    if (label === undefined) continue;
    const key = JSON.stringify([label, model, serial]);
    if (found.has(key)) continue;
    const [, schemaId, kind] = DETECTOR_SCHEMAS.find(([pattern]) => pattern.test(type ?? label)) ?? [
      /$/,
      GENERIC_DETECTOR,
    ];
    const fields: Record<string, unknown> = { Name: label, Schema_ID: schemaId };
    if (kind !== undefined) fields.Type = kind;
    if (maker !== undefined) fields.Manufacturer = maker;
    if (model !== undefined) fields.Model = model;
    if (serial !== undefined) fields.SerialNumber = serial;
    found.set(key, fields);
  }
  return [...found.values()];
}

/**
 * Each distinct excitation line the channels record, lowest first, with the kind of light
 * source that gave it where the file says (a line two kinds gave is one part of each kind).
 */
function recordedLights(acquisition: Acquisition | null | undefined): { kind?: LightSourceKind; nm: number }[] {
  const found = new Map<string, { kind?: LightSourceKind; nm: number }>();
  for (const { excitation_nm: excitation, light_source_kind: kind } of acquisition?.channels ?? []) {
    if (excitation === undefined) continue;
    const nm = cleanNumber(excitation);
    found.set(`${nm} ${kind ?? ''}`, kind === undefined ? { nm } : { kind, nm });
  }
  return [...found.values()].sort((a, b) => a.nm - b.nm || (a.kind ?? '').localeCompare(b.kind ?? ''));
}

/** The draft of what `acquisition` records; `newId` gives each new part its `ID`. */
export function draftInstrument(
  acquisition: Acquisition | null | undefined,
  newId: () => string = () => crypto.randomUUID(),
): Omit<InstrumentDraft, 'path'> {
  const notes: string[] = [];
  const part = (schemaId: string, name: string, fields: Record<string, unknown>) => ({
    Name: name,
    Schema_ID: schemaId,
    ID: newId(),
    Tier: 1,
    ModelVersion: NEW_MODEL_VERSION,
    ...fields,
  });
  const components: Record<string, unknown>[] = [];
  const objective = acquisition?.objective;
  if (objective !== undefined && Object.keys(objective).length > 0) {
    const fields: Record<string, unknown> = {};
    if (objective.name !== undefined) fields.Model = objective.name;
    const correction = CORRECTIONS.find(([pattern]) => pattern.test(objective.name ?? ''))?.[1];
    if (correction !== undefined) fields.Correction = correction;
    if (objective.magnification !== undefined) fields.Magnification = cleanNumber(objective.magnification);
    if (objective.na !== undefined) fields.LensNA = cleanNumber(objective.na);
    if (objective.immersion !== undefined) {
      const immersion = IMMERSIONS.find(([pattern]) => pattern.test(objective.immersion?.trim() ?? ''))?.[1];
      if (immersion === undefined)
        notes.push(`the objective's immersion "${objective.immersion}" is not one the schema names`);
      else fields.ImmersionType = immersion;
    }
    const name =
      objective.name ??
      [
        objective.magnification === undefined ? '' : `${numberText(objective.magnification)}x`,
        objective.na === undefined ? '' : `NA ${numberText(objective.na)}`,
      ]
        .filter(Boolean)
        .join(' ');
    components.push(part('Objective.json', name || 'Objective', fields));
  }
  acquisition?.channels?.forEach((channel, i) => {
    if (channel.emission_nm !== undefined)
      notes.push(
        `channel ${i + 1} records an emission of ${numberText(channel.emission_nm)} nm; the file does not describe its filter`,
      );
  });
  const lights = recordedLights(acquisition);
  for (const { kind, nm } of lights) {
    // of the light sources, only the Micro-Meta App's laser has one wavelength of its own
    const fields = kind === undefined || kind === 'Laser' ? { Wavelength: nm } : {};
    components.push(part(`Fluorescence_LightSource_${kind ?? 'GenericExcitationSource'}.json`, `${nm} nm`, fields));
  }
  const unsaid = lights.filter((light) => light.kind === undefined).map((light) => light.nm);
  if (unsaid.length > 0)
    notes.push(
      `the file does not say whether a laser, an LED or a lamp gave the ${unsaid.join(', ')} nm light: drafted as a generic excitation source, which the editor does not offer; add the right type of light source in its place`,
    );
  for (const { Name, Schema_ID, ...fields } of recordedDetectors(acquisition)) {
    components.push(part(Schema_ID as string, Name as string, fields));
    if (Schema_ID === GENERIC_DETECTOR)
      notes.push(
        `the file does not say what kind of detector "${String(Name)}" is: drafted as a generic detector, which the editor does not offer and the camera check cannot use; add the right type of detector in its place`,
      );
  }
  const instrument = acquisition?.instrument ?? {};
  if (components.length === 0 && instrument.model === undefined && instrument.manufacturer === undefined)
    return { text: null, components, notes: ['the file records no microscope hardware'] };
  const stand: Record<string, string> = {};
  if (instrument.manufacturer !== undefined) stand.Manufacturer = instrument.manufacturer;
  if (instrument.model !== undefined) stand.Model = instrument.model;
  const name = [instrument.manufacturer, instrument.model].filter(Boolean).join(' ') || 'Microscope';
  const text = applyInstrumentEdits(
    newInstrumentText(name, stand, { id: newId(), standId: newId() }),
    components.map((component) => ({ op: 'add' as const, component })),
  );
  return { text, components, notes };
}
