/**
 * What both sidecar readers (the async one, and the synchronous one of the write and scan
 * workers) check and compute about a file they opened: that it is a regular file of a sidecar's size, its version and whether
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

/** Larger files are refused rather than read into memory; real sidecars are far smaller. */
const MAX_SIDECAR_BYTES = 256 * 1024 * 1024;

/** Opening never waits (a FIFO under a sidecar's name must not hang the read). */
const READ = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
/** Opening without following a final symbolic link, where the platform can (not Windows). */
const NO_FOLLOW = constants.O_NOFOLLOW === undefined ? null : READ | constants.O_NOFOLLOW;

/** The flags to open a sidecar for reading; with `noFollow`, a final link fails with `ELOOP` where the platform can tell. */
export function readFlags(noFollow: boolean): number {
  return noFollow && NO_FOLLOW !== null ? NO_FOLLOW : READ;
}

/** Throws unless the opened file is a regular file small enough to be a sidecar. */
export function checkOpenedFile(stat: Stats, name: string, imagePath: string): void {
  if (stat.isDirectory()) throw Object.assign(new Error(`${name} is a folder`), { code: 'EISDIR' });
  if (!stat.isFile()) throw new ApiFailure('IO', `${name} is not a regular file`, imagePath);
  if (stat.size > MAX_SIDECAR_BYTES) {
    throw new ApiFailure(
      'IO',
      `${name} is ${Math.round(stat.size / 2 ** 20)} MB, too large to be a sidecar`,
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
