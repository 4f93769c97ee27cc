/**
 * Writes made durable together: each folder that received a renamed file is synced once,
 * when the batch finishes, instead of once per file.
 */
import { open } from 'node:fs/promises';
import { sweepStaleTemps } from './temp-files';

/** The folders a group of atomic writes renamed files into. */
export class WriteBatch {
  private readonly folders = new Set<string>();

  /** Records a folder whose entries a write changed (synced at {@link finish}). */
  touched(dir: string): void {
    this.folders.add(dir);
  }

  /**
   * Makes every rename of the batch durable by syncing each folder once, then removes the
   * temp files killed writes left in those folders. Never throws: a folder that cannot be
   * synced (Windows, some network shares) keeps what the file system gives.
   */
  async finish(): Promise<void> {
    const folders = [...this.folders];
    this.folders.clear();
    await Promise.all(folders.map(syncFolder));
    await Promise.all(folders.map(sweepStaleTemps));
  }
}

/** Runs `task` with a fresh batch and finishes the batch after it, whatever the outcome. */
export async function inWriteBatch<T>(task: (batch: WriteBatch) => Promise<T>): Promise<T> {
  const batch = new WriteBatch();
  try {
    return await task(batch);
  } finally {
    await batch.finish();
  }
}

async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => null);
  if (handle === null) return;
  await handle.sync().catch(() => undefined);
  await handle.close().catch(() => undefined);
}
