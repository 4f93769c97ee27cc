/**
 * Reading a file together with the version that identifies what was read.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { SidecarVersion } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';

/** Larger files are refused rather than read into memory; real sidecars are far smaller. */
const MAX_SIDECAR_BYTES = 256 * 1024 * 1024;

/** A file's bytes, its version and its permission bits, taken from one open handle. */
export interface FileSnapshot {
  bytes: Buffer;
  version: SidecarVersion;
  mode: number;
}

/** Reads a file; null when it does not exist. Other failures are thrown as they come. */
export async function readSnapshot(file: string, name: string, imagePath: string): Promise<FileSnapshot | null> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const stat = await handle.stat();
    if (stat.size > MAX_SIDECAR_BYTES) {
      throw new ApiFailure('IO', `${name} is ${Math.round(stat.size / 2 ** 20)} MB, too large to be a sidecar`, imagePath);
    }
    const bytes = await handle.readFile();
    return { bytes, version: versionOf(bytes, stat.mtimeMs), mode: stat.mode & 0o7777 };
  } finally {
    await handle.close();
  }
}

/** The version of some bytes written at `mtimeMs`. */
export function versionOf(bytes: Uint8Array, mtimeMs: number): SidecarVersion {
  return { size: bytes.length, mtimeMs, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Whether two versions (null: no file) are the same: size, modification time and content. */
export function sameVersion(a: SidecarVersion | null, b: SidecarVersion | null): boolean {
  if (a === null || b === null) return a === b;
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.sha256 === b.sha256;
}

/** An `IO` failure for a disk error, worded for a person. */
export function ioFailure(error: unknown, what: string, imagePath: string): ApiFailure {
  if (error instanceof ApiFailure) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is exceeded',
    EISDIR: 'it is a folder',
    EBUSY: 'the file is in use',
  };
  const reason = (code === undefined ? undefined : reasons[code]) ?? (error instanceof Error ? error.message : String(error));
  return new ApiFailure('IO', `${what}: ${reason}`, imagePath);
}
