/**
 * Atomic replacement of one file: a synced temp file in the same folder, renamed over it if
 * the file is still what it was read as.
 */
import path from 'node:path';
import type { SidecarVersion } from '../../../shared/api';
import type { Found } from './write-worker-protocol';
import type { JournalEntry } from './write-worker-protocol';
import { claimTemp, releaseTemp } from './temp-files';
import { WriteBatch } from './write-batch';
import { replaceInWorker } from './write-worker-client';

/** What a replacement keeps and checks of the file it replaces. */
export interface Replaced {
  /** The old file's permission bits (kept); undefined when there was no file. */
  mode: number | undefined;
  /** What the new bytes were made from (null: there was no file). */
  found: Found | null;
  /** The sidecar's name and image, for the messages of failures. */
  name: string;
  imagePath: string;
  /** The write's journal record, synced before the rename; absent: none. */
  journal?: JournalEntry;
}

/**
 * Replaces `target` with `bytes` and returns the version on disk afterwards. The bytes go to a
 * hidden temp file (see `temp-files.ts`), which is synced and then renamed over `target` by
 * the write worker, so readers see the old file or the new one, never half of one; a journal
 * record given is synced before the rename. Just before
 * the rename `target` must still hold the bytes `old.found` was read as, and just after it the bytes
 * written, else `ApiFailure('CONFLICT')`: another program wrote it meanwhile. The old file's
 * permission bits are kept. The folder is synced by `batch.finish()`, or before returning
 * without a batch. The temp file is removed on any error.
 */
export async function replaceFile(
  target: string,
  bytes: Uint8Array,
  old: Replaced,
  batch?: WriteBatch,
): Promise<SidecarVersion> {
  const dir = path.dirname(target);
  const temp = claimTemp(dir);
  const folders = batch ?? new WriteBatch();
  try {
    const { mode, journal, ...checked } = old;
    return await replaceInWorker({ temp, target, bytes, mode: mode ?? null, journal: journal ?? null, ...checked });
  } finally {
    releaseTemp(temp);
    // Also after a failure: the rename may have happened before the check after it failed.
    folders.touched(dir);
    if (batch === undefined) await folders.finish();
  }
}
