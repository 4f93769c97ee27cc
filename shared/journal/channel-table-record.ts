/**
 * The journal's record of a channel table write (`acqmeta.channels.csv`): a line of its own
 * kind, beside the sidecar records, that readers before it name as a line they cannot read
 * and skip (it has no `path` or `changes`), so that none of them takes the table for an image.
 */
import type { ChannelRowChanges } from '../channels/channel-diff';
import { isJournalPath, isVersionOrNull } from './journal-checks';
import type { JournalRecord } from './journal-types';

/** The `kind` of a channel table record. */
export const CHANNEL_TABLE_KIND = 'channel-table';

/**
 * Longest earlier table a record keeps, as JSON text (escapes included): a real table is a few
 * KB; this keeps a line well under the 1 MiB readers take. A larger one is journaled without it
 * and cannot be restored from the journal.
 */
export const MAX_KEPT_TABLE_JSON = 256 * 1024;

/**
 * One channel table write (or removal, `after: null`), as the journal records it: a sidecar
 * record's keys but `path` and `changes`, and its own.
 */
export interface ChannelTableRecord extends Omit<JournalRecord, 'path' | 'changes'> {
  kind: typeof CHANNEL_TABLE_KIND;
  /** The table, relative to the folder that holds the journal, `/`-separated. */
  file: string;
  /** The rows the write added, removed and changed, by Channel ID. */
  rows: ChannelRowChanges;
  /** The text of the table before the write; absent when there was none or it was past {@link MAX_KEPT_TABLE_JSON}. */
  beforeText?: string;
}

/** The earlier table's text as a record keeps it: `{ beforeText }` when small enough, else nothing. */
export function keptBeforeText(text: string | null): { beforeText?: string } {
  return text !== null && JSON.stringify(text).length <= MAX_KEPT_TABLE_JSON ? { beforeText: text } : {};
}

const TEXT_KEYS = ['id', 'batch', 'time', 'user', 'host', 'tool', 'action', 'file'] as const;

const isIds = (ids: unknown): boolean => Array.isArray(ids) && ids.every((id) => typeof id === 'string');

/** Whether a parsed line is a channel table record. */
export function isChannelTableRecord(entry: Record<string, unknown>): boolean {
  const rows = entry.rows as Record<string, unknown> | null;
  return (
    entry.kind === CHANNEL_TABLE_KIND &&
    TEXT_KEYS.every((key) => typeof entry[key] === 'string') &&
    isJournalPath(entry.file as string) &&
    typeof rows === 'object' &&
    rows !== null &&
    isIds(rows.added) &&
    isIds(rows.removed) &&
    isIds(rows.changed) &&
    (entry.beforeText === undefined || typeof entry.beforeText === 'string') &&
    isVersionOrNull(entry.before) &&
    isVersionOrNull(entry.after)
  );
}
