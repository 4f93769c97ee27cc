/**
 * A journal folder's mark of its header writes: a file holding the folder's latest header write
 * record (its journal line), rewritten with each one before that record is appended, both synced
 * before the image's first byte. A command that reads or writes images (`set`, `show`, a scan,
 * `calibrate`) recovers interrupted header writes first; with the mark it reads the folder's
 * journal files only when a header write was journaled there since its images were last
 * modified, and not even then when the mark's own record is the image's and finished.
 */
import { constants, mkdirSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseJournal, type HeaderWriteRecord } from '../../../shared/journal';
import { writeAllAt } from '../disk';
import { MAX_JOURNAL_LINE_BYTES } from './journal-file';

/** The mark's name in a journal folder (not a journal file: readers list only `.jsonl` files). */
const MARK = 'header-writes';

/**
 * Writes `line` (a header write record's journal line) as the mark of the journal folder `dir`,
 * its modification time now; resolves once written, to the sync that puts it on the disk (awaited
 * with the record's own sync, so both wait on one commit). Written before the record is
 * appended, so that no record is newer than the mark naming the latest one.
 */
export async function markHeaderWrite(dir: string, line: string): Promise<() => Promise<void>> {
  mkdirSync(dir, { recursive: true });
  const handle = await open(path.join(dir, MARK), 'w');
  try {
    // one write where FileHandle.writeFile's loop took milliseconds of CPU
    await writeAllAt(handle, [Buffer.from(line)], 0);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return async () => {
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  };
}

/** Whether a header write was journaled in `dir` at `sinceMs` or later (by its mark). */
export async function headerWritesSince(dir: string, sinceMs: number): Promise<boolean> {
  const mark = await stat(path.join(dir, MARK)).catch(() => null);
  return mark !== null && mark.mtimeMs >= sinceMs;
}

/**
 * How far a mark's modification time may be from its record's time: the two are written a
 * moment apart (a file system keeping two-second times, FAT's, rounds that moment); a mark moved
 * later without its record rewritten (by an AcqMeta from before marks held records) is not read.
 */
const MARK_TIME_MS = 2_000;

/**
 * The mark of `dir` when it was set at `sinceMs` or later: the latest header write record
 * journaled there (null when the mark holds none it can trust: an older AcqMeta's empty mark or
 * one it moved since, a write cut short); undefined when there is no such mark. Only a regular
 * file of at most one journal line is read.
 */
export async function headerMarkSince(dir: string, sinceMs: number): Promise<HeaderWriteRecord | null | undefined> {
  const handle = await open(
    path.join(dir, MARK),
    constants.O_RDONLY | constants.O_NOFOLLOW | (constants.O_NONBLOCK ?? 0),
  ).catch(() => null);
  if (handle === null) return undefined;
  try {
    const info = await handle.stat();
    if (info.mtimeMs < sinceMs) return undefined;
    if (!info.isFile() || info.size > MAX_JOURNAL_LINE_BYTES) return null;
    const [record, ...more] = parseJournal((await handle.readFile()).toString('utf8')).headers;
    if (record === undefined || more.length > 0) return null;
    return Math.abs(info.mtimeMs - Date.parse(record.time)) <= MARK_TIME_MS ? record : null;
  } finally {
    await handle.close();
  }
}
