/**
 * Atomic replacement of one file: a synced temp file in the same folder, renamed over it.
 */
import { constants } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { SidecarVersion } from '../../../shared/api';
import { closeFd, fchmodFd, fstatFd, fdatasyncFd, openFd, writeFd } from './fd-calls';
import { versionOf } from './file-snapshot';
import { claimTemp, releaseTemp } from './temp-files';
import { WriteBatch } from './write-batch';

/** A new file, never an existing one (`wx`). */
const TEMP_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL;

/**
 * Replaces `target` with `bytes` and returns the written version. The bytes go to a hidden
 * temp file (see `temp-files.ts`), which is synced and then renamed over `target`, so readers
 * see the old file or the new one, never half of one; `mode` (the old file's permission bits)
 * is kept. The folder is synced by `batch.finish()`, or before returning without a batch.
 * The temp file is removed on any error.
 */
export async function replaceFile(target: string, bytes: Buffer, mode: number | undefined, batch?: WriteBatch): Promise<SidecarVersion> {
  const dir = path.dirname(target);
  const temp = claimTemp(dir);
  let version: SidecarVersion;
  try {
    const fd = await openFd(temp, TEMP_FLAGS, mode ?? 0o666);
    try {
      await writeFd(fd, bytes);
      const stat = await fstatFd(fd);
      // The umask must not narrow the old file's mode.
      if (mode !== undefined && (stat.mode & 0o7777) !== mode) await fchmodFd(fd, mode);
      await fdatasyncFd(fd);
      version = versionOf(bytes, stat.mtimeMs);
    } finally {
      await closeFd(fd);
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  } finally {
    releaseTemp(temp);
  }
  const folders = batch ?? new WriteBatch();
  folders.touched(dir);
  if (batch === undefined) await folders.finish();
  return version;
}
