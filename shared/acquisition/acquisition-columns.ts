/**
 * The acquisition columns: what the microscope recorded, one value per column, defined once for
 * the app's table (`shared/columns/acquisition-columns.ts` adds widths and filter input) and
 * the exports (the `acquisition_*` columns of CSV, TSV, XLSX and OMERO tables). A text column
 * holds the words the table shows; NA, Z step and Interval are numbers. Read-only everywhere:
 * an import recognises these columns by name and ignores them.
 */
import {
  acquiredText,
  channelsText,
  instrumentText,
  objectiveText,
  recordedNumber,
  shortNumber,
} from './acquisition-text';
import type { Acquisition } from './acquisition-types';

/** The key of an acquisition column: the table's column key and the filter's word (`objective:63x`). */
export type AcquisitionColumnKey = 'instrument' | 'objective' | 'na' | 'channel' | 'zstep' | 'interval' | 'acquired';

/** One acquisition column: its names, its words for a row's acquisition, and its number when it is a number column. */
export interface AcquisitionColumn {
  key: AcquisitionColumnKey;
  /** Its name in an export: `acquisition_` and a sidecar-style key (units spelled out), never a field's name. */
  name: string;
  label: string;
  longLabel: string;
  description: string;
  text: (acquisition: Acquisition) => string;
  number?: (acquisition: Acquisition) => number | undefined;
}

/** A column's value in an export: text, a number, or undefined (an empty cell: the file records nothing). */
export type AcquisitionValue = string | number | undefined;

const numberText = (value: number | undefined): string => (value === undefined ? '' : shortNumber(value));

/** The acquisition columns in display (and export) order. */
export const ACQUISITION_VALUE_COLUMNS: readonly AcquisitionColumn[] = [
  {
    key: 'instrument',
    name: 'acquisition_instrument',
    label: 'Instrument',
    longLabel: 'Instrument',
    description: 'Microscope manufacturer and model, as the file records them',
    text: instrumentText,
  },
  {
    key: 'objective',
    name: 'acquisition_objective',
    label: 'Objective',
    longLabel: 'Objective',
    description: 'Objective magnification, numerical aperture and immersion, as the file records them',
    text: (a) => objectiveText(a.objective),
  },
  {
    key: 'na',
    name: 'acquisition_na',
    label: 'NA',
    longLabel: 'Numerical aperture',
    description: 'Numerical aperture of the objective',
    text: (a) => (a.objective?.na === undefined ? '' : a.objective.na.toFixed(2)),
    number: (a) => a.objective?.na,
  },
  {
    key: 'channel',
    name: 'acquisition_channels',
    label: 'Channel names',
    longLabel: 'Channel names',
    description: 'Channel names or dyes with excitation/emission wavelengths (nm), as the file records them',
    text: (a) => channelsText(a.channels),
  },
  {
    key: 'zstep',
    name: 'acquisition_z_step_um',
    label: 'Z step (µm)',
    longLabel: 'Z step',
    description: 'Distance between z planes, in µm',
    text: (a) => numberText(a.pixel_size_um?.z),
    number: (a) => a.pixel_size_um?.z,
  },
  {
    key: 'interval',
    name: 'acquisition_interval_s',
    label: 'Interval (s)',
    longLabel: 'Frame interval',
    description: 'Time between frames, in seconds',
    text: (a) => numberText(a.time_increment_s),
    number: (a) => a.time_increment_s,
  },
  {
    key: 'acquired',
    name: 'acquisition_acquired',
    label: 'Acquired',
    longLabel: 'Acquired',
    description: 'Acquisition date and time, as the file records them (its own clock)',
    text: (a) => acquiredText(a.acquired_at),
  },
];

/**
 * A column's value in an export: the number of a number column as recorded, without
 * floating-point noise (`1.2`, not `1.2000000000000002`; see {@link recordedNumber}), the table's
 * words otherwise; undefined (an empty cell) when the file records nothing.
 */
export function acquisitionValue(column: AcquisitionColumn, acquisition: Acquisition | undefined): AcquisitionValue {
  if (acquisition === undefined) return undefined;
  if (column.number !== undefined) {
    const number = column.number(acquisition);
    return number === undefined ? undefined : Number(recordedNumber(number));
  }
  const text = column.text(acquisition);
  return text === '' ? undefined : text;
}

/** The names an acquisition column is recognised by (any case): its export name, its label, its long label. */
const BY_NAME: ReadonlyMap<string, AcquisitionColumn> = new Map(
  ACQUISITION_VALUE_COLUMNS.flatMap((column) =>
    [column.name, column.label, column.longLabel].map((name) => [name.toLowerCase(), column] as const),
  ),
);

/** The acquisition column a table's header names (`acquisition_na`, `NA`, `Numerical aperture`), if any. */
export function acquisitionColumnNamed(name: string): AcquisitionColumn | undefined {
  return BY_NAME.get(name.trim().toLowerCase());
}

/** What an import says once about the acquisition columns it ignored: `Ignored 7 acquisition columns: …`. */
export function ignoredColumnsMessage(columns: readonly string[]): string {
  return columns.length === 1
    ? 'Ignored 1 acquisition column: it is read from the image files'
    : `Ignored ${columns.length} acquisition columns: they are read from the image files`;
}
