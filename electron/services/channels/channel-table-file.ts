/**
 * A channel table file on disk: read with its version (for the conflict check of a save), and
 * written atomically through the same temp-file-and-rename as sidecars, or removed.
 */
import type { Acquisition } from '../../../shared/acquisition/acquisition-types';
import type { HeaderValues, SidecarVersion } from '../../../shared/api';
import { channelMismatch } from '../../../shared/channels/channel-check';
import {
  channelTableText,
  MAX_CHANNEL_TABLE_BYTES,
  parseChannelTable,
  type ChannelTable,
} from '../../../shared/channels/channel-table';
import { ApiFailure } from '../../../shared/errors';
import { channelTableEntry, type FileWriteJournal, type TableBefore } from '../journal';
import { ioFailure, readSnapshotSync, writeWholeFile, type SizeLimit } from '../sidecar';

/** A channel table as read: the table, or why it cannot be used. */
export interface LoadedChannelTable {
  absPath: string;
  /** How messages name the file (relative to the folder opened, when inside it). */
  label: string;
  table: ChannelTable | null;
  problem: string | null;
  /** Null when the file could not be read at all. */
  version: SidecarVersion | null;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A table file larger than this is refused when opened, before any of it is read. */
const TABLE_LIMIT: SizeLimit = { bytes: MAX_CHANNEL_TABLE_BYTES, of: 'a channel table' };

/**
 * Reads the table at `absPath`; null when there is no such file. Never throws for a malformed
 * table or one past a row, column or cell limit; throws when the file cannot be read: not a
 * regular file, or larger than {@link MAX_CHANNEL_TABLE_BYTES} (see {@link unreadableChannelTable}).
 */
export function readChannelTableFile(absPath: string, label: string): LoadedChannelTable | null {
  const snapshot = readSnapshotSync(absPath, label, absPath, false, TABLE_LIMIT);
  if (snapshot === null || snapshot === 'link') return null;
  let table: ChannelTable | null = null;
  let problem: string | null = null;
  try {
    table = parseChannelTable(UTF8.decode(snapshot.bytes));
  } catch (error) {
    problem = error instanceof TypeError ? `${label} is not UTF-8 text` : (error as Error).message;
  }
  return { absPath, label, table, problem, version: snapshot.version };
}

/** A table file that exists but could not be read: in force, and unusable, with the reason. */
export function unreadableChannelTable(absPath: string, label: string, error: unknown): LoadedChannelTable {
  const reason = error instanceof Error ? error.message : String(error);
  return { absPath, label, table: null, problem: reason, version: null };
}

/**
 * The table at `absPath` as it stands in force: read, or unusable with the reason when the file
 * cannot be read (too large, not a regular file); null when there is no such file. Never throws.
 */
export function channelTableInForce(absPath: string, label: string): LoadedChannelTable | null {
  try {
    return readChannelTableFile(absPath, label);
  } catch (error) {
    // a table that cannot be opened is still the one in force: its images are flagged, not checked against another
    return unreadableChannelTable(absPath, label, error);
  }
}

/**
 * The bytes of `table` as written (a text: those bytes as they are), with the table they hold;
 * INVALID_VALUE naming the limit when they could not be read back as a table.
 */
function readableTableBytes(
  table: ChannelTable | string,
  label: string,
  absPath: string,
): { bytes: Uint8Array; table: ChannelTable } {
  const text = typeof table === 'string' ? table : channelTableText(table);
  const bytes = new TextEncoder().encode(text);
  const count = (n: number): string => n.toLocaleString('en-US');
  if (bytes.length > MAX_CHANNEL_TABLE_BYTES)
    throw new ApiFailure(
      'INVALID_VALUE',
      `${label} was not written: it would be ${count(bytes.length)} bytes; a channel table may be at most ${count(MAX_CHANNEL_TABLE_BYTES)}`,
      absPath,
    );
  try {
    return { bytes, table: parseChannelTable(text) };
  } catch (error) {
    throw new ApiFailure('INVALID_VALUE', `${label} was not written: ${(error as Error).message}`, absPath);
  }
}

/** What a write replaces, for its journal record: the text and table of the bytes found. */
function tableBefore(found: { bytes: Uint8Array; version: SidecarVersion } | null): TableBefore {
  if (found === null) return { text: null, table: null, version: null };
  let text: string | null = null;
  let table: ChannelTable | null = null;
  try {
    text = UTF8.decode(found.bytes);
    table = parseChannelTable(text);
  } catch {
    // a table that cannot be read is journaled as having no rows (its text kept when it is UTF-8)
  }
  return { text, table, version: found.version };
}

/**
 * Writes `table` at `absPath` (a text: written byte for byte; null: the file removed) if the file is still the version
 * `expected` (null: no file); CONFLICT otherwise, and INVALID_VALUE for a table past a limit,
 * which could not be read back. With `journal`, the write's record is synced before the file
 * is replaced or removed. Returns the version written, null once removed.
 */
export async function writeChannelTableFile(
  absPath: string,
  label: string,
  table: ChannelTable | string | null,
  expected: SidecarVersion | null,
  journal: FileWriteJournal | null = null,
): Promise<SidecarVersion | null> {
  const written = table === null ? null : readableTableBytes(table, label, absPath);
  const bytes = written?.bytes ?? null;
  let snapshot;
  try {
    snapshot = readSnapshotSync(absPath, label, absPath, false, TABLE_LIMIT);
  } catch (error) {
    throw ioFailure(error, `${label} could not be read`, absPath);
  }
  const found = snapshot === null || snapshot === 'link' ? null : snapshot;
  if (found === null ? expected !== null : expected === null || found.version.sha256 !== expected.sha256)
    throw new ApiFailure(
      'CONFLICT',
      `${label} was changed by another program since it was read: reload it to see that version.`,
      absPath,
    );
  if (bytes === null && found === null) return null;
  const entry =
    journal === null ? null : await channelTableEntry(journal, absPath, tableBefore(found), written?.table ?? null);
  return writeWholeFile(absPath, label, bytes, found, entry);
}

/** What the table in force says of an image: why the table cannot be used, how the image's channels differ, or null. */
export function channelTableProblem(
  loaded: LoadedChannelTable,
  header: HeaderValues,
  acquisition: Acquisition | undefined,
): string | null {
  if (loaded.table === null) return `The channel table ${loaded.label} cannot be read: ${loaded.problem ?? 'unknown'}`;
  return channelMismatch(loaded.table, loaded.label, header, acquisition);
}
