/**
 * A journal folder's mark of its header writes: an empty file whose modification time is set
 * just before each header write record is appended there. A command that reads or writes images
 * (`set`, `show`, a scan) recovers interrupted header writes first; with the mark it reads the
 * folder's journal files only when a header write was journaled there since its images were
 * last modified, not the whole history every time.
 */
import { closeSync, fsyncSync, futimesSync, mkdirSync, openSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

/** The mark's name in a journal folder (not a journal file: readers list only `.jsonl` files). */
const MARK = 'header-writes';

/** Sets the mark of the journal folder `dir` to now, synced, before a header write record is appended there. */
export function markHeaderWrite(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const fd = openSync(path.join(dir, MARK), 'a');
  try {
    const now = new Date();
    futimesSync(fd, now, now);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Whether a header write was journaled in `dir` at `sinceMs` or later (by its mark). */
export async function headerWritesSince(dir: string, sinceMs: number): Promise<boolean> {
  const mark = await stat(path.join(dir, MARK)).catch(() => null);
  return mark !== null && mark.mtimeMs >= sinceMs;
}
