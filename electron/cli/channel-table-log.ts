/** How `acqmeta log` shows the journal's records of channel table and microscope description writes among the sidecars'. */
import { describeRowChanges } from '../../shared/channels/channel-diff';
import {
  INSTRUMENT_FILE_KIND,
  type ChannelTableRecord,
  type InstrumentFileRecord,
  type JournalRecord,
} from '../../shared/journal';

/** A record `log` lists: a sidecar's, a channel table's or a description's. */
export type LoggedRecord = JournalRecord | ChannelTableRecord | InstrumentFileRecord;

/** `records` and `tables` (channel table and description records) in one list, oldest first (a sidecar's record first at the same time). */
export function withTables(
  records: readonly JournalRecord[],
  tables: readonly (ChannelTableRecord | InstrumentFileRecord)[],
): LoggedRecord[] {
  const all: LoggedRecord[] = [...records];
  for (const table of tables) {
    const at = all.findIndex((r) => r.time > table.time);
    all.splice(at === -1 ? all.length : at, 0, table);
  }
  return all;
}

/**
 * `record 9e1f…  raw/acqmeta.channels.csv  channel table created: rows 2 added (Channel:0:0, Channel:0:1)`,
 * `record 5d0a…  acqmeta.instruments/lls7.json  microscope description rewritten`.
 */
export function channelTableLine(record: ChannelTableRecord | InstrumentFileRecord): string {
  const what = record.before === null ? 'created' : record.after === null ? 'removed' : 'rewritten';
  if (record.kind === INSTRUMENT_FILE_KIND)
    return `  record ${record.id}  ${record.file}  microscope description ${what}`;
  return `  record ${record.id}  ${record.file}  channel table ${what}: ${describeRowChanges(record.rows)}`;
}
