/**
 * What both sidecar readers (the async one, and the synchronous one of the write and scan
 * workers) check and compute about a file they opened: that it is a regular file within a size limit, its version and whether
 * this process may write it.
 */
import { createHash } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import type { SidecarVersion } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { stampOf, type FileStamp } from '../disk';

/** A file's bytes, its version and its permission bits, taken from one open handle. */
export interface FileSnapshot {
  bytes: Uint8Array;
  version: SidecarVersion;
  mode: number;
  /** Whether this process may write the file (as `access(W_OK)` says, ACLs aside). */
  writable: boolean;
}

/** A snapshot with the file's stamp as read: what a write checks first, before it reads the file again. */
export interface StampedSnapshot extends FileSnapshot {
  stamp: FileStamp;
}

/** The most bytes a file may have to be read whole into memory, and what the message calls such a file. */
export interface SizeLimit {
  bytes: number;
  /** The kind of file, with its article: `a sidecar`. */
  of: string;
}

/** Larger files are refused rather than read into memory; real sidecars are far smaller. */
const SIDECAR_LIMIT: SizeLimit = { bytes: 256 * 1024 * 1024, of: 'a sidecar' };

/** Opening never waits (a FIFO under a sidecar's name must not hang the read). */
const READ = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
/** Opening without following a final symbolic link, where the platform can (not Windows). */
const NO_FOLLOW = constants.O_NOFOLLOW === undefined ? null : READ | constants.O_NOFOLLOW;

/** The flags to open a sidecar for reading; with `noFollow`, a final link fails with `ELOOP` where the platform can tell. */
export function readFlags(noFollow: boolean): number {
  return noFollow && NO_FOLLOW !== null ? NO_FOLLOW : READ;
}

/** A size in megabytes, rounded up to a tenth so that a file over a limit never reads as at it. */
function megabytes(bytes: number): string {
  return `${Math.ceil((bytes / 2 ** 20) * 10) / 10} MB`;
}

/** Throws unless the opened file is a regular file within `limit` (a sidecar's, unless given). */
export function checkOpenedFile(stat: Stats, name: string, imagePath: string, limit = SIDECAR_LIMIT): void {
  if (stat.isDirectory()) throw Object.assign(new Error(`${name} is a folder`), { code: 'EISDIR' });
  if (!stat.isFile()) throw new ApiFailure('IO', `${name} is not a regular file`, imagePath);
  if (stat.size > limit.bytes) {
    throw new ApiFailure(
      'IO',
      `${name} is ${megabytes(stat.size)}; ${limit.of} may be at most ${megabytes(limit.bytes)}`,
      imagePath,
    );
  }
}

/** The snapshot of `bytes` read from a file with this `stat`. */
export function snapshotOf(bytes: Uint8Array, stat: Stats): StampedSnapshot {
  return {
    bytes,
    version: versionOf(bytes, stat.mtimeMs),
    stamp: stampOf(stat),
    mode: stat.mode & 0o7777,
    writable: writableBy(stat),
  };
}

/** The version of some bytes written at `mtimeMs`. */
export function versionOf(bytes: Uint8Array, mtimeMs: number): SidecarVersion {
  return { size: bytes.length, mtimeMs, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** This process's user and groups (null on Windows). */
const identity =
  process.geteuid === undefined || process.getegid === undefined
    ? null
    : { uid: process.geteuid(), groups: [process.getegid(), ...(process.getgroups?.() ?? [])] };

/** Whether this process may write a file with these owner, group and permission bits. */
function writableBy(stat: Stats): boolean {
  if (identity === null) return (stat.mode & 0o200) !== 0; // Windows: the read-only attribute
  if (identity.uid === 0) return true;
  if (stat.uid === identity.uid) return (stat.mode & 0o200) !== 0;
  if (identity.groups.includes(stat.gid)) return (stat.mode & 0o020) !== 0;
  return (stat.mode & 0o002) !== 0;
}
