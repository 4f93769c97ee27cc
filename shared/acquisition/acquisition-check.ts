/**
 * Checks that a value read back from JSON (the scan cache) is an {@link Acquisition}: every
 * key of the right type, nothing else. A damaged or foreign value is refused, never half-used.
 */
import { DIMENSION_ORDERS, LIGHT_SOURCE_KINDS, type Acquisition, type AcquisitionFlavour } from './acquisition-types';

const FLAVOURS: ReadonlySet<string> = new Set<AcquisitionFlavour>([
  'ome',
  'imagej',
  'lsm',
  'fluoview',
  'scanimage',
  'micromanager',
  'metamorph',
  'tiff',
  'czi',
  'nd2',
  'lif',
  'oib',
  'ngff',
]);

/** What a value must be: a text, a number, or one of a few texts. */
type Kind = 'string' | 'number' | ReadonlySet<string>;

/** Whether `item` is of `kind`. */
function isKind(item: unknown, kind: Kind): boolean {
  return typeof kind === 'string' ? typeof item === kind : typeof item === 'string' && kind.has(item);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `value` is an object whose keys are among `fields`, each of its kind. */
function isGroup(value: unknown, fields: Readonly<Record<string, Kind>>): boolean {
  if (!isRecord(value)) return false;
  return Object.entries(value).every(([key, item]) => fields[key] !== undefined && isKind(item, fields[key]));
}

function isSource(value: unknown): boolean {
  return isRecord(value) && FLAVOURS.has(value.flavour as string) && typeof value.key === 'string';
}

const GROUPS: Readonly<Record<string, Readonly<Record<string, Kind>>>> = {
  instrument: { manufacturer: 'string', model: 'string' },
  objective: {
    name: 'string',
    magnification: 'number',
    na: 'number',
    immersion: 'string',
    working_distance_um: 'number',
  },
  pixel_size_um: { x: 'number', y: 'number', z: 'number' },
  storage: {
    byte_order: new Set(['little', 'big']),
    resolution_levels: 'number',
    dimension_order: new Set(DIMENSION_ORDERS),
  },
};
const CHANNEL: Readonly<Record<string, Kind>> = {
  name: 'string',
  fluor: 'string',
  excitation_nm: 'number',
  dye_excitation_nm: 'number',
  emission_nm: 'number',
  exposure_s: 'number',
  detector_name: 'string',
  detector_manufacturer: 'string',
  detector_model: 'string',
  detector_type: 'string',
  detector_serial: 'string',
  light_source: 'string',
  emission_filter: 'string',
  light_source_kind: new Set(LIGHT_SOURCE_KINDS),
  color: 'string',
};
const TOP: Readonly<Record<string, Kind>> = {
  time_increment_s: 'number',
  acquired_at: 'string',
  software: 'string',
  written_by: 'string',
};

function validKey(key: string, value: unknown): boolean {
  if (key in GROUPS) return isGroup(value, GROUPS[key] as Record<string, Kind>);
  if (key in TOP) return isKind(value, TOP[key] as Kind);
  switch (key) {
    case 'sources':
      return Array.isArray(value) && value.every((flavour) => FLAVOURS.has(flavour as string));
    case 'channels':
      return Array.isArray(value) && value.every((channel) => isGroup(channel, CHANNEL));
    case 'origins':
      return isRecord(value) && Object.values(value).every(isSource);
    case 'problems':
      return Array.isArray(value) && value.every((problem) => typeof problem === 'string');
    case 'disagreements':
      return (
        Array.isArray(value) &&
        value.every(
          (entry) =>
            isRecord(entry) &&
            typeof entry.key === 'string' &&
            Array.isArray(entry.values) &&
            entry.values.every(
              (item) =>
                isRecord(item) &&
                (typeof item.value === 'string' || typeof item.value === 'number') &&
                isSource(item.source),
            ),
        )
      );
    default:
      return false;
  }
}

/** `json` as an acquisition; undefined when it is not one in every part. */
export function asAcquisition(json: unknown): Acquisition | undefined {
  if (!isRecord(json) || !Array.isArray(json.sources)) return undefined;
  return Object.entries(json).every(([key, value]) => validKey(key, value))
    ? (json as unknown as Acquisition)
    : undefined;
}
