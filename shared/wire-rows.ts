/**
 * Rows as browser mode's event stream carries them: each row an array, its field values in a
 * fixed order, the parts a row usually lacks left out, and field values that are all defaults
 * left out too (such rows share one frozen object on arrival, as they do in the backend); a
 * header or acquisition that rows share goes once per event. Rows are nearly all of a scan's
 * bytes; packed, they take a fifth of them (a lab folder's 10,000 rows: 2.1 MB), which
 * the server writes, the browser receives and the page parses for every image. Electron's IPC
 * passes rows as they are.
 */
import {
  HEADER_KEYS,
  type ApiEvent,
  type FileCalibration,
  type CatalogueNames,
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
  /** 1 + the index of the row's header in the event's `headers`; 0 for none. */
  header: number,
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
  /** 1 + the index of the row's catalogue names in the event's `catalogues`; 0 (or absent) for none. */
  catalogue?: number,
  /** An image of a collection: the file it was exported from (absent otherwise). */
  exportedFrom?: string,
];

/**
 * A `scan-rows` event as it travels: its rows packed, and each distinct header (its values in
 * order), acquisition and pair of catalogue names once (the backend's rows share one object for
 * equal headers and acquisitions, so do the page's).
 */
type PackedRowsEvent = Omit<Extract<ApiEvent, { type: 'scan-rows' }>, 'rows'> & {
  packed: PackedRow[];
  headers?: HeaderValues[keyof HeaderValues][][];
  acquisitions?: Acquisition[];
  catalogues?: CatalogueNames[];
};

/** An event as the event stream sends it. */
export type WireEvent = ApiEvent | PackedRowsEvent;

/** The distinct values of one event's rows (by `key`: by identity unless told), in order of first use. */
class ValueTable<T> {
  readonly list: T[] = [];
  private readonly index = new Map<unknown, number>();

  constructor(private readonly key: (value: T) => unknown = (value) => value) {}

  /** 0 for none, else 1 + the value's index in {@link list}. */
  refer(value: T | undefined): number {
    if (value === undefined) return 0;
    const key = this.key(value);
    let at = this.index.get(key);
    if (at === undefined) {
      at = this.list.push(value) - 1;
      this.index.set(key, at);
    }
    return at + 1;
  }
}

/** An event's tables of shared values. */
interface Tables {
  headers: ValueTable<HeaderValues>;
  acquisitions: ValueTable<Acquisition>;
  catalogues: ValueTable<CatalogueNames>;
}

function packRow(row: ImageRow, tables: Tables): PackedRow {
  const { header, version, values } = row;
  const packed: PackedRow = [
    row.path,
    row.format,
    header === null ? 0 : tables.headers.refer(header),
    row.fileCalibration ?? 0,
    row.sidecar,
    version === null ? 0 : [version.size, version.mtimeMs, version.sha256],
    FIELD_NAMES.every((name, i) => values[name] === DEFAULTS[i]) ? 0 : FIELD_NAMES.map((name) => values[name] ?? null),
    row.errors.length === 0 ? 0 : row.errors,
    row.profile ?? 0,
    row.profileProblems.length === 0 ? 0 : row.profileProblems,
    row.absentFields ?? 0,
    row.results ?? 0,
    tables.acquisitions.refer(row.acquisition),
  ];
  // a row without a match (most rows, and all without a catalogue) ends at its acquisition
  if (row.catalogue !== undefined || row.exportedFrom !== undefined)
    packed[13] = row.catalogue === undefined ? 0 : tables.catalogues.refer(row.catalogue);
  if (row.exportedFrom !== undefined) packed[14] = row.exportedFrom;
  return packed;
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

/** An event's shared values, as the page takes them. */
interface Shared {
  headers: readonly HeaderValues[];
  acquisitions: readonly Acquisition[];
  catalogues: readonly CatalogueNames[];
}

function unpackRow(packed: PackedRow, { headers, acquisitions, catalogues }: Shared): ImageRow {
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
    catalogue = 0,
    exportedFrom,
  ] = packed;
  let values = DEFAULT_FIELD_VALUES;
  if (stored !== 0) {
    values = {};
    for (let i = 0; i < FIELD_NAMES.length; i++) values[FIELD_NAMES[i] as string] = stored[i] ?? null;
  }
  const row: ImageRow = {
    path,
    format,
    header: header === 0 ? null : (headers[header - 1] ?? null),
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
  const names = catalogue === 0 ? undefined : catalogues[catalogue - 1];
  if (names !== undefined) row.catalogue = names;
  if (exportedFrom !== undefined) row.exportedFrom = exportedFrom;
  return row;
}

/** An event as the event stream sends it (JSON): a `scan-rows` event with its rows packed. */
export function toWireEvent(event: ApiEvent): WireEvent {
  if (event.type !== 'scan-rows') return event;
  const { rows, ...rest } = event;
  const tables: Tables = {
    headers: new ValueTable<HeaderValues>(),
    acquisitions: new ValueTable<Acquisition>(),
    catalogues: new ValueTable<CatalogueNames>((names) => `${names.instrument ?? ''}\u0000${names.objective ?? ''}`),
  };
  const packed = rows.map((row) => packRow(row, tables));
  const { headers, acquisitions, catalogues } = tables;
  return {
    ...rest,
    packed,
    ...(headers.list.length > 0
      ? { headers: headers.list.map((header) => HEADER_KEYS.map((key) => header[key])) }
      : {}),
    ...(acquisitions.list.length > 0 ? { acquisitions: acquisitions.list } : {}),
    ...(catalogues.list.length > 0 ? { catalogues: catalogues.list } : {}),
  };
}

/** The event that {@link toWireEvent} sent (parsed from its JSON). */
export function fromWireEvent(wire: WireEvent): ApiEvent {
  if (!('packed' in wire)) return wire;
  const { packed, headers = [], acquisitions = [], catalogues = [], ...rest } = wire;
  const shared: Shared = { headers: headers.map(unpackHeader), acquisitions, catalogues };
  return { ...rest, rows: packed.map((row) => unpackRow(row, shared)) };
}
