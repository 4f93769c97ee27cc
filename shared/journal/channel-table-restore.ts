/**
 * Taking a channel table back to its state before one of the journal's channel table records:
 * the record an id names, the latest record of its file (whose bytes must still be on disk),
 * the text to write back, and the plan of what that write does to the table now, or why it
 * cannot be done.
 */
import type { SidecarVersion } from '../api';
import { channelRowChanges, type ChannelRowChanges } from '../channels/channel-diff';
import { parseChannelTable, type ChannelTable } from '../channels/channel-table';
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

/** The channel table record `id` names (its own id, else its batch's), or null. */
export function tableRecordOf(tables: readonly ChannelTableRecord[], id: string): ChannelTableRecord | null {
  return tables.find((t) => t.id === id) ?? tables.find((t) => t.batch === id) ?? null;
}

/**
 * The restore before the channel table record `id` (or the record of batch `id`) among `tables`
 * (oldest first); null when no table record has that id; a string saying why when the record
 * did not keep the earlier table (past the cap).
 */
export function tableRestoreOf(tables: readonly ChannelTableRecord[], id: string): TableRestore | string | null {
  const record = tableRecordOf(tables, id);
  if (record === null) return null;
  const latest = tables.filter((t) => t.file === record.file).at(-1) ?? record;
  if (record.before === null) return { record, latest, text: null };
  if (record.beforeText === undefined)
    return `${record.file}: record ${record.id} did not keep the earlier table (larger than a journal line keeps, or not text); it cannot be restored from the journal`;
  return { record, latest, text: record.beforeText };
}

/**
 * Why a restore cannot be done, nothing written: `changed`, the file is not what AcqMeta's
 * latest write of it left (or cannot be read); `unrestorable`, the journal cannot give the
 * earlier table back (not kept, unreadable, or the table leads outside the folder).
 */
export interface TableRestoreRefusal {
  kind: 'changed' | 'unrestorable';
  message: string;
}

/** The table file as it is now: its version (null: it could not be read) and table (null: malformed). */
export interface TableNow {
  version: SidecarVersion | null;
  table: ChannelTable | null;
  /** Why it could not be read or parsed. */
  problem: string | null;
}

/** What a restore does to the table now: remove it, or put rows back by Channel ID; or why it cannot. */
export type TableRestorePlan =
  | { removes: boolean; rows: ChannelRowChanges; expected: SidecarVersion | null; refusal: null }
  | { refusal: TableRestoreRefusal };

/**
 * Plans `restore` over the file `label` as it is `now` (null: no file): refused when the file
 * is not what `restore.latest` left; else the rows from the table now to the earlier one.
 */
export function planTableRestore(restore: TableRestore, now: TableNow | null, label: string): TableRestorePlan {
  const { latest, text } = restore;
  if (now !== null && now.version === null)
    return { refusal: { kind: 'changed', message: `cannot read ${label}: ${now.problem ?? 'unknown'}` } };
  const version = now?.version ?? null;
  const same = latest.after === null ? version === null : version !== null && version.sha256 === latest.after.sha256;
  if (!same)
    return {
      refusal: {
        kind: 'changed',
        message: `${label} changed since AcqMeta wrote it (record ${latest.id}): nothing written`,
      },
    };
  try {
    const rows = channelRowChanges(now?.table ?? null, text === null ? null : parseChannelTable(text));
    return { removes: text === null, rows, expected: version, refusal: null };
  } catch (error) {
    const message = `${label}: the earlier table cannot be read: ${(error as Error).message}`;
    return { refusal: { kind: 'unrestorable', message } };
  }
}
