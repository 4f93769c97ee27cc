/**
 * Reading a file together with the version that identifies what was read.
 */
import { createHash } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import type { SidecarVersion } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { closeFd, fstatFd, openFd, readFd } from './fd-calls';

/** Larger files are refused rather than read into memory; real sidecars are far smaller. */
const MAX_SIDECAR_BYTES = 256 * 1024 * 1024;

/** A file's bytes, its version and its permission bits, taken from one open handle. */
export interface FileSnapshot {
  bytes: Buffer;
  version: SidecarVersion;
  mode: number;
  /** Whether this process may write the file (as `access(W_OK)` says, ACLs aside). */
  writable: boolean;
}

/** Opening never waits (a FIFO under a sidecar's name must not hang the read). */
const READ = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
/** Opening without following a final symbolic link, where the platform can (not Windows). */
const NO_FOLLOW = constants.O_NOFOLLOW === undefined ? null : READ | constants.O_NOFOLLOW;

/**
 * Reads a file; null when it does not exist. Other failures are thrown as they come. With
 * `noFollow`, a symbolic link is not opened but answered with `'link'` (where the platform
 * cannot tell, it is followed).
 */
export async function readSnapshot(file: string, name: string, imagePath: string): Promise<FileSnapshot | null>;
export async function readSnapshot(file: string, name: string, imagePath: string, options: { noFollow: true }): Promise<FileSnapshot | null | 'link'>;
export async function readSnapshot(file: string, name: string, imagePath: string, options: { noFollow?: boolean } = {}): Promise<FileSnapshot | null | 'link'> {
  let fd: number;
  try {
    fd = await openFd(file, options.noFollow === true && NO_FOLLOW !== null ? NO_FOLLOW : READ);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ELOOP' && options.noFollow === true) return 'link';
    throw error;
  }
  try {
    const stat = await fstatFd(fd);
    if (stat.isDirectory()) throw Object.assign(new Error(`${name} is a folder`), { code: 'EISDIR' });
    if (!stat.isFile()) throw new ApiFailure('IO', `${name} is not a regular file`, imagePath);
    if (stat.size > MAX_SIDECAR_BYTES) {
      throw new ApiFailure('IO', `${name} is ${Math.round(stat.size / 2 ** 20)} MB, too large to be a sidecar`, imagePath);
    }
    const bytes = await readFd(fd, stat.size);
    return { bytes, version: versionOf(bytes, stat.mtimeMs), mode: stat.mode & 0o7777, writable: writableBy(stat) };
  } finally {
    await closeFd(fd);
  }
}

/** This process's user and groups (null on Windows). */
const identity =
  process.geteuid === undefined || process.getegid === undefined ? null : { uid: process.geteuid(), groups: [process.getegid(), ...(process.getgroups?.() ?? [])] };

/** Whether this process may write a file with these owner, group and permission bits. */
function writableBy(stat: Stats): boolean {
  if (identity === null) return (stat.mode & 0o200) !== 0; // Windows: the read-only attribute
  if (identity.uid === 0) return true;
  if (stat.uid === identity.uid) return (stat.mode & 0o200) !== 0;
  if (identity.groups.includes(stat.gid)) return (stat.mode & 0o020) !== 0;
  return (stat.mode & 0o002) !== 0;
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
