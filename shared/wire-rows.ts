/**
 * Rows as browser mode's event stream carries them: each row an array, its header and field
 * values in a fixed order, the parts a row usually lacks left out, and field values that are
 * all defaults left out too (such rows share one frozen object on arrival, as they do in the
 * backend). Rows are nearly all of a scan's bytes; packed, they take a third of them, which
 * the server writes, the browser receives and the page parses for every image. Electron's IPC
 * passes rows as they are.
 */
import {
  HEADER_KEYS,
  type ApiEvent,
  type FileCalibration,
  type HeaderValues,
  type ImageRow,
  type ProfileProblem,
  type SidecarState,
} from './api';
import type { Acquisition } from './acquisition/acquisition-types';
import type { ResultValues } from './analysis/analysis-types';
import { DEFAULT_FIELD_VALUES, EDITABLE_FIELDS, type FieldValue } from './fields/field-table';

const FIELD_NAMES = EDITABLE_FIELDS.map((f) => f.name);
const DEFAULTS = EDITABLE_FIELDS.map((f) => f.default);

/** `0` stands for a part the row lacks (null, none, or left out). */
type Packed<T> = T | 0;

/** One row, packed. */
type PackedRow = [
  path: string,
  format: ImageRow['format'],
  header: Packed<HeaderValues[keyof HeaderValues][]>,
  fileCalibration: Packed<FileCalibration>,
  sidecar: SidecarState,
  version: Packed<[size: number, mtimeMs: number, sha256: string]>,
  values: Packed<FieldValue[]>,
  errors: Packed<string[]>,
  profile: Packed<string>,
  profileProblems: Packed<ProfileProblem[]>,
  absentFields: Packed<string[]>,
  results: Packed<ResultValues>,
  /** 1 + the index of the row's acquisition in the event's `acquisitions`. */
  acquisition: number,
];

/**
 * A `scan-rows` event as it travels: its rows packed, and each distinct acquisition once (the
 * backend's rows share one object for equal acquisitions, so do the page's).
 */
type PackedRowsEvent = Omit<Extract<ApiEvent, { type: 'scan-rows' }>, 'rows'> & {
  packed: PackedRow[];
  acquisitions?: Acquisition[];
};

/** An event as the event stream sends it. */
export type WireEvent = ApiEvent | PackedRowsEvent;

/** The distinct acquisitions of one event's rows, by identity, in order of first use. */
class AcquisitionTable {
  readonly list: Acquisition[] = [];
  private readonly index = new Map<Acquisition, number>();

  /** 0 for none, else 1 + the acquisition's index in {@link list}. */
  refer(acquisition: Acquisition | undefined): number {
    if (acquisition === undefined) return 0;
    let at = this.index.get(acquisition);
    if (at === undefined) {
      at = this.list.push(acquisition) - 1;
      this.index.set(acquisition, at);
    }
    return at + 1;
  }
}

function packRow(row: ImageRow, acquisitions: AcquisitionTable): PackedRow {
  const { header, version, values } = row;
  return [
    row.path,
    row.format,
    header === null ? 0 : HEADER_KEYS.map((key) => header[key]),
    row.fileCalibration ?? 0,
    row.sidecar,
    version === null ? 0 : [version.size, version.mtimeMs, version.sha256],
    FIELD_NAMES.every((name, i) => values[name] === DEFAULTS[i]) ? 0 : FIELD_NAMES.map((name) => values[name] ?? null),
    row.errors.length === 0 ? 0 : row.errors,
    row.profile ?? 0,
    row.profileProblems.length === 0 ? 0 : row.profileProblems,
    row.absentFields ?? 0,
    row.results ?? 0,
    acquisitions.refer(row.acquisition),
  ];
}

function unpackHeader(packed: HeaderValues[keyof HeaderValues][]): HeaderValues {
  const [shape, dims, sizes, dtype, num_channels, num_scenes, date, time] = packed as [
    string,
    string,
    string,
    string,
    number,
    number,
    string,
    string,
  ];
  return { shape, dims, sizes, dtype, num_channels, num_scenes, date, time };
}

function unpackRow(packed: PackedRow, acquisitions: readonly Acquisition[]): ImageRow {
  const [
    path,
    format,
    header,
    fileCalibration,
    sidecar,
    version,
    stored,
    errors,
    profile,
    profileProblems,
    absentFields,
    results,
    acquisition,
  ] = packed;
  let values = DEFAULT_FIELD_VALUES;
  if (stored !== 0) {
    values = {};
    for (let i = 0; i < FIELD_NAMES.length; i++) values[FIELD_NAMES[i] as string] = stored[i] ?? null;
  }
  const row: ImageRow = {
    path,
    format,
    header: header === 0 ? null : unpackHeader(header),
    fileCalibration: fileCalibration === 0 ? null : fileCalibration,
    sidecar,
    version: version === 0 ? null : { size: version[0], mtimeMs: version[1], sha256: version[2] },
    values,
    errors: errors === 0 ? [] : errors,
    profile: profile === 0 ? null : profile,
    profileProblems: profileProblems === 0 ? [] : profileProblems,
  };
  if (absentFields !== 0) row.absentFields = absentFields;
  if (results !== 0) row.results = results;
  const known = acquisition === 0 ? undefined : acquisitions[acquisition - 1];
  if (known !== undefined) row.acquisition = known;
  return row;
}

/** An event as the event stream sends it (JSON): a `scan-rows` event with its rows packed. */
export function toWireEvent(event: ApiEvent): WireEvent {
  if (event.type !== 'scan-rows') return event;
  const { rows, ...rest } = event;
  const acquisitions = new AcquisitionTable();
  const packed = rows.map((row) => packRow(row, acquisitions));
  return { ...rest, packed, ...(acquisitions.list.length > 0 ? { acquisitions: acquisitions.list } : {}) };
}

/** The event that {@link toWireEvent} sent (parsed from its JSON). */
export function fromWireEvent(wire: WireEvent): ApiEvent {
  if (!('packed' in wire)) return wire;
  const { packed, acquisitions = [], ...rest } = wire;
  return { ...rest, rows: packed.map((row) => unpackRow(row, acquisitions)) };
}
