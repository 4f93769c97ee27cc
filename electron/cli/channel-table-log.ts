/**
 * How `acqmeta log` shows the journal's records of channel table and microscope description
 * writes, and of calibrations written into image headers, among the sidecars'.
 */
import { describeRowChanges } from '../../shared/channels/channel-diff';
import { DATASET_FILE_NAME } from '../../shared/dataset';
import {
  HEADER_WRITE_KIND,
  INSTRUMENT_FILE_KIND,
  type ChannelTableRecord,
  type HeaderWriteRecord,
  type InstrumentFileRecord,
  type JournalRecord,
} from '../../shared/journal';

/** A record of a file that is not a sidecar: a channel table's, a description's, an image header's. */
export type FileRecord = ChannelTableRecord | InstrumentFileRecord | HeaderWriteRecord;

/** A record `log` lists: a sidecar's, or a {@link FileRecord}. */
export type LoggedRecord = JournalRecord | FileRecord;

/** `records` and `tables` (channel table and description records) in one list, oldest first (a sidecar's record first at the same time). */
export function withTables(records: readonly JournalRecord[], tables: readonly FileRecord[]): LoggedRecord[] {
  const all: LoggedRecord[] = [...records];
  for (const table of tables) {
    const at = all.findIndex((r) => r.time > table.time);
    all.splice(at === -1 ? all.length : at, 0, table);
  }
  return all;
}

/**
 * `record 9e1f…  raw/acqmeta.channels.csv  channel table created: rows 2 added (Channel:0:0, Channel:0:1)`,
 * `record 5d0a…  acqmeta.instruments/lls7.json  microscope description rewritten`,
 * `record 3c4d…  raw/acqmeta.dataset.json  dataset values created`,
 * `record 77c2…  m1/cell.tif  header: unit [ImageJ description]: (none) → micron; …`.
 */
export function channelTableLine(record: FileRecord): string {
  if (record.kind === HEADER_WRITE_KIND) {
    const values = record.values.map((v) => `${v.value} [${v.place}]: ${v.old} → ${v.new}`).join('; ');
    return `  record ${record.id}  ${record.path}  header: ${values}`;
  }
  const what = record.before === null ? 'created' : record.after === null ? 'removed' : 'rewritten';
  if (record.kind === INSTRUMENT_FILE_KIND) {
    // a dataset file is journaled as a description is: its text before and after
    const kind = record.file.split('/').pop() === DATASET_FILE_NAME ? 'dataset values' : 'microscope description';
    return `  record ${record.id}  ${record.file}  ${kind} ${what}`;
  }
  return `  record ${record.id}  ${record.file}  channel table ${what}: ${describeRowChanges(record.rows)}`;
}
