/**
 * Atomic replacement of one file: a synced temp file in the same folder, renamed over it.
 */
import path from 'node:path';
import type { SidecarVersion } from '../../../shared/api';
import { claimTemp, releaseTemp } from './temp-files';
import { WriteBatch } from './write-batch';
import { replaceInWorker } from './write-worker-client';

/**
 * Replaces `target` with `bytes` and returns the written version. The bytes go to a hidden
 * temp file (see `temp-files.ts`), which is synced and then renamed over `target` by the write
 * worker, so readers see the old file or the new one, never half of one; `mode` (the old
 * file's permission bits) is kept. The folder is synced by `batch.finish()`, or before
 * returning without a batch. The temp file is removed on any error.
 */
export async function replaceFile(
  target: string,
  bytes: Uint8Array,
  mode: number | undefined,
  batch?: WriteBatch,
): Promise<SidecarVersion> {
  const dir = path.dirname(target);
  const temp = claimTemp(dir);
  let version: SidecarVersion;
  try {
    version = await replaceInWorker(temp, target, bytes, mode ?? null);
  } finally {
    releaseTemp(temp);
  }
  const folders = batch ?? new WriteBatch();
  folders.touched(dir);
  if (batch === undefined) await folders.finish();
  return version;
}
