/**
 * Taking a channel table back to its state before one of the journal's channel table records:
 * the record an id names, the latest record of its file (whose bytes must still be on disk),
 * and the text to write back, or why it cannot be had.
 */
import type { ChannelTableRecord } from './channel-table-record';

/** What restoring before a channel table record writes: the earlier text (null: remove the file), checked against `latest`. */
export interface TableRestore {
  /** The record named, its file relative to the folder read. */
  record: ChannelTableRecord;
  /** The latest record of the same file: the disk must still hold its `after`. */
  latest: ChannelTableRecord;
  /** The text to write back; null when the record created the file (it is removed). */
  text: string | null;
}

/**
 * The restore before the channel table record `id` (or the record of batch `id`) among `tables`
 * (oldest first); null when no table record has that id; a string saying why when the record
 * did not keep the earlier table (past the cap).
 */
export function tableRestoreOf(tables: readonly ChannelTableRecord[], id: string): TableRestore | string | null {
  const record = tables.find((t) => t.id === id) ?? tables.find((t) => t.batch === id);
  if (record === undefined) return null;
  const latest = tables.filter((t) => t.file === record.file).at(-1) ?? record;
  if (record.before === null) return { record, latest, text: null };
  if (record.beforeText === undefined)
    return `${record.file}: record ${record.id} did not keep the earlier table (larger than a journal line keeps, or not text); it cannot be restored from the journal`;
  return { record, latest, text: record.beforeText };
}
