/**
 * Reading a file together with the version that identifies what was read, on this thread
 * (the watcher, and the sidecars a scan's worker did not read; the save path reads in its
 * write worker).
 */
import type { SidecarVersion } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { diskErrorReason } from '../disk';
import { closeFd, fstatFd, openFd, readFd } from './fd-calls';
import { checkOpenedFile, readFlags, snapshotOf, type FileSnapshot } from './opened-file';

/** Reads a file (a symbolic link is followed); null when it does not exist. Other failures are thrown as they come. */
export async function readSnapshot(file: string, name: string, imagePath: string): Promise<FileSnapshot | null> {
  let fd: number;
  try {
    fd = await openFd(file, readFlags(false));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const stat = await fstatFd(fd);
    checkOpenedFile(stat, name, imagePath);
    return snapshotOf(await readFd(fd, stat.size), stat);
  } finally {
    await closeFd(fd);
  }
}

/** Whether two versions (null: no file) are the same: size, modification time and content. */
export function sameVersion(a: SidecarVersion | null, b: SidecarVersion | null): boolean {
  if (a === null || b === null) return a === b;
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.sha256 === b.sha256;
}

/** An `IO` failure for a disk error, worded for a person; the disk error is its `cause`. */
export function ioFailure(error: unknown, what: string, imagePath: string): ApiFailure {
  if (error instanceof ApiFailure) return error;
  return Object.assign(new ApiFailure('IO', `${what}: ${diskErrorReason(error)}`, imagePath), { cause: error });
}
