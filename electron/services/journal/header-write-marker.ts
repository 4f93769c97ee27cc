/**
 * A journal folder's mark of its header writes: an empty file whose modification time is set
 * with each header write record appended there, both synced before the image's first byte. A
 * command that reads or writes images (`set`, `show`, a scan) recovers interrupted header writes
 * first; with the mark it reads the folder's journal files only when a header write was
 * journaled there since its images were last modified, not the whole history every time.
 */
import { mkdirSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';

/** The mark's name in a journal folder (not a journal file: readers list only `.jsonl` files). */
const MARK = 'header-writes';

/**
 * Sets the mark of the journal folder `dir` to now, synced: resolves once it is on the disk
 * (awaited with the header write record's own sync, not before it, so both wait on one commit).
 */
export async function markHeaderWrite(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const handle = await open(path.join(dir, MARK), 'a');
  try {
    const now = new Date();
    await handle.utimes(now, now);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Whether a header write was journaled in `dir` at `sinceMs` or later (by its mark). */
export async function headerWritesSince(dir: string, sinceMs: number): Promise<boolean> {
  const mark = await stat(path.join(dir, MARK)).catch(() => null);
  return mark !== null && mark.mtimeMs >= sinceMs;
}
