/**
 * Reading a Micro-Meta App hardware description (`Schema_ID: "Instrument.json"`) into the typed
 * model. The file comes from a shared folder: its size, nesting and component count are bounded,
 * every value's type is checked, and anything wrong is a problem naming the file and the JSON
 * path, never an exception. Unknown component types are kept as `other`.
 */
import { duplicateKeys, duplicateKeyText } from '../duplicate-keys';
import { checkDescription } from './instrument-checks';
import type {
  InstrumentComponent,
  InstrumentComponentKind,
  InstrumentDescription,
  InstrumentProblem,
} from './instrument-types';

/** The largest description read (the Micro-Meta App's own files are tens of KB). */
export const MAX_INSTRUMENT_BYTES = 4 * 2 ** 20;
/** The most components one description may list. */
export const MAX_INSTRUMENT_COMPONENTS = 2000;

/** A description read, or why it cannot be; `problems` also holds the warnings of one that can. */
export interface InstrumentRead {
  description: InstrumentDescription | null;
  problems: InstrumentProblem[];
}

type Json = Record<string, unknown>;

/** Length units a camera's pixel size is given in, per µm. */
const PER_MICRON: Readonly<Record<string, number>> = { µm: 1, um: 1, μm: 1, nm: 1000, mm: 0.001 };

const KINDS: [pattern: RegExp, kind: InstrumentComponentKind][] = [
  [/^Objective\.json$/, 'objective'],
  [/^ExcitationFilter\.json$/, 'excitation-filter'],
  [/^EmissionFilter\.json$/, 'emission-filter'],
  [/Dichroic\.json$/, 'dichroic'],
  [/^FilterCube\.json$/, 'filter-cube'],
  [/LightSource/, 'light-source'],
  [/Software\.json$/, 'software'],
  [
    /^(CCD|EMCCD|CMOS|sCMOS|PMT|PhotoMultiplierTube|HybridPhotoDetector|PhotoDiode|IntensifiedCamera|GenericDetector|GaAsP|HyD|APD|Camera|PointDetector|Detector)[^/]*\.json$/i,
    'detector',
  ],
];

/** The kind of a component from its `Schema_ID`. */
export function componentKind(schemaId: string): InstrumentComponentKind {
  return KINDS.find(([pattern]) => pattern.test(schemaId))?.[1] ?? 'other';
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads the description in `text` (the file `file`); never throws. */
export function readInstrumentDescription(text: string, file: string): InstrumentRead {
  const problems: InstrumentProblem[] = [];
  const fail = (at: string, message: string): InstrumentRead => ({
    description: null,
    problems: [{ file, at, message, severity: 'error' }],
  });
  if (text.length > MAX_INSTRUMENT_BYTES)
    return fail('', `the file is larger than the ${MAX_INSTRUMENT_BYTES / 2 ** 20} MiB a description may have`);
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    return fail('', `not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(root)) return fail('', 'not a JSON object');
  // read as JSON.parse reads it (the last of a key written twice), but not to be edited until fixed
  for (const duplicate of duplicateKeys(text))
    problems.push({ file, at: duplicate.at, message: duplicateKeyText(duplicate), severity: 'error' });
  if (root.Schema_ID !== 'Instrument.json')
    return fail(
      'Schema_ID',
      `is ${JSON.stringify(root.Schema_ID) ?? 'missing'}; a Micro-Meta App microscope has "Instrument.json"`,
    );
  const list = root.components ?? [];
  if (!Array.isArray(list)) return fail('components', 'is not a list');
  if (list.length > MAX_INSTRUMENT_COMPONENTS)
    return fail('components', `${list.length} components; a description may have at most ${MAX_INSTRUMENT_COMPONENTS}`);
  const field = fieldReader(file, problems);
  const components: InstrumentComponent[] = [];
  const places: string[] = [];
  list.forEach((item, i) => {
    const at = `components[${i}]`;
    if (!isObject(item)) problems.push({ file, at, message: 'is not an object; left out', severity: 'error' });
    else {
      components.push(readComponent(item, at, field));
      places.push(at);
    }
  });
  const stand = isObject(root.MicroscopeStand) ? root.MicroscopeStand : {};
  const description: InstrumentDescription = {
    file,
    id: field.text(root, 'ID', '') ?? '',
    name: field.text(root, 'Name', '') ?? '',
    ...optional('modelVersion', field.text(root, 'ModelVersion', '')),
    ...optional('tier', field.number(root, 'Tier', '')),
    stand: {
      ...optional('manufacturer', field.text(stand, 'Manufacturer', 'MicroscopeStand.')),
      ...optional('model', field.text(stand, 'Model', 'MicroscopeStand.')),
      ...optional('catalogNumber', field.text(stand, 'CatalogNumber', 'MicroscopeStand.')),
    },
    components,
  };
  problems.push(...checkDescription(description, places, root));
  return { description, problems };
}

/** `{ [key]: value }`, or nothing when the value is absent. */
function optional<K extends string, V>(key: K, value: V | undefined): { [k in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [k in K]?: V };
}

/** Readers of typed values that note a value of the wrong type as a problem. */
function fieldReader(file: string, problems: InstrumentProblem[]) {
  const wrong = (at: string, expected: string) =>
    problems.push({ file, at, message: `is not ${expected}; left out`, severity: 'warning' });
  return {
    text(object: Json, key: string, prefix: string): string | undefined {
      const value = object[key];
      if (value === undefined || value === null || value === '') return undefined;
      if (typeof value === 'string') return value;
      if (typeof value === 'number') return String(value);
      wrong(prefix + key, 'text');
      return undefined;
    },
    number(object: Json, key: string, prefix: string): number | undefined {
      const value = object[key];
      if (value === undefined || value === null || value === '') return undefined;
      const number = typeof value === 'string' ? Number(value) : value;
      if (typeof number === 'number' && Number.isFinite(number)) return number;
      wrong(prefix + key, 'a number');
      return undefined;
    },
  };
}

type FieldReader = ReturnType<typeof fieldReader>;

/** The IDs a component refers to: a key holding `"<key>/<id>"` (`ExcitationFilter: "ExcitationFilter/…"`), or a list of them. */
function referencesOf(item: Json): string[] {
  const ids: string[] = [];
  for (const [key, value] of Object.entries(item))
    for (const one of Array.isArray(value) ? value : [value])
      if (typeof one === 'string' && one.startsWith(`${key}/`) && one.length > key.length + 1)
        ids.push(one.slice(key.length + 1));
  return ids;
}

/** The numbers of `key` in each object of the list `item[list]` (a laser's lines, an LED's modules). */
function numbersIn(item: Json, list: string, key: string, at: string, field: FieldReader): number[] {
  const entries = item[list];
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((entry, i) => {
    const value = isObject(entry) ? field.number(entry, key, `${at}.${list}[${i}].`) : undefined;
    return value === undefined ? [] : [value];
  });
}

function readComponent(item: Json, at: string, field: FieldReader): InstrumentComponent {
  const prefix = `${at}.`;
  const schemaId = field.text(item, 'Schema_ID', prefix) ?? '';
  const kind = componentKind(schemaId);
  const component: InstrumentComponent = {
    kind,
    schemaId,
    id: field.text(item, 'ID', prefix) ?? '',
    name: field.text(item, 'Name', prefix) ?? '',
    ...optional('manufacturer', field.text(item, 'Manufacturer', prefix)),
    ...optional('model', field.text(item, 'Model', prefix)),
    ...optional('catalogNumber', field.text(item, 'CatalogNumber', prefix)),
    ...optional('serialNumber', field.text(item, 'SerialNumber', prefix)),
  };
  if (kind === 'objective')
    Object.assign(component, {
      ...optional('magnification', field.number(item, 'Magnification', prefix)),
      ...optional('na', field.number(item, 'LensNA', prefix)),
      ...optional('immersion', field.text(item, 'ImmersionType', prefix)),
      ...optional('correction', field.text(item, 'Correction', prefix)),
      ...optional('workingDistance', field.number(item, 'WorkingDistance', prefix)),
      ...optional('workingDistanceUnit', field.text(item, 'WorkingDistanceUnit', prefix)),
    });
  if (kind === 'light-source') {
    const lines = [field.number(item, 'Wavelength', prefix), field.number(item, 'PeakWavelength', prefix)]
      .filter((value): value is number => value !== undefined)
      .concat(
        numbersIn(item, 'LEDModule', 'PeakWavelength', at, field),
        numbersIn(item, 'LaserLine', 'Wavelength', at, field),
      );
    if (lines.length > 0) component.wavelengths_nm = lines;
  }
  if (kind === 'excitation-filter' || kind === 'emission-filter' || kind === 'dichroic') {
    const centres = numbersIn(item, 'TransmittanceRange', 'Wavelength', at, field);
    const widths = numbersIn(item, 'TransmittanceRange', 'FWHMBandwidth', at, field);
    if (centres.length > 0 && centres.length === widths.length)
      component.bands = centres.map((centre_nm, i) => ({ centre_nm, width_nm: widths[i] as number }));
  }
  if (kind === 'detector') {
    const pixel = field.number(item, 'PixelWidth', prefix);
    const perMicron = PER_MICRON[field.text(item, 'PixelWidthUnit', prefix) ?? 'µm'];
    if (pixel !== undefined && perMicron !== undefined) component.pixel_size_um = pixel / perMicron;
  }
  const parts = referencesOf(item);
  if (parts.length > 0) component.parts = parts;
  return component;
}
