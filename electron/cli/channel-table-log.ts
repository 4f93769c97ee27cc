/** How `acqmeta log` shows the journal's records of channel table writes among the sidecars'. */
import { describeRowChanges } from '../../shared/channels/channel-diff';
import type { ChannelTableRecord, JournalRecord } from '../../shared/journal';

/** A record `log` lists: a sidecar's or a channel table's. */
export type LoggedRecord = JournalRecord | ChannelTableRecord;

/** `records` and `tables` in one list, oldest first (a sidecar's record first at the same time). */
export function withTables(records: readonly JournalRecord[], tables: readonly ChannelTableRecord[]): LoggedRecord[] {
  const all: LoggedRecord[] = [...records];
  for (const table of tables) {
    const at = all.findIndex((r) => r.time > table.time);
    all.splice(at === -1 ? all.length : at, 0, table);
  }
  return all;
}

/** `record 9e1f…  raw/acqmeta.channels.csv  channel table created: rows 2 added (Channel:0:0, Channel:0:1)`. */
export function channelTableLine(record: ChannelTableRecord): string {
  const what = record.before === null ? 'created' : record.after === null ? 'removed' : 'rewritten';
  return `  record ${record.id}  ${record.file}  channel table ${what}: ${describeRowChanges(record.rows)}`;
}
