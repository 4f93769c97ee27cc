/**
 * Reading a sidecar with synchronous calls, for worker threads (the write worker before a
 * save, the scan worker beside an image's header), where blocking costs only that thread's
 * time and a sync call costs far less than an async one's thread-pool round trip.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { checkOpenedFile, readFlags, snapshotOf, type SizeLimit, type StampedSnapshot } from './opened-file';

/**
 * Reads `file` from one open handle: its snapshot, null when it does not exist, or `'link'`
 * when `noFollow` and it is a symbolic link (where the platform can tell). Other failures
 * are thrown as they come (errno errors, or `ApiFailure` for what is not a regular file within
 * `limit`, a sidecar's unless given).
 */
export function readSnapshotSync(
  file: string,
  name: string,
  imagePath: string,
  noFollow: boolean,
  limit?: SizeLimit,
): StampedSnapshot | 'link' | null {
  let fd: number;
  try {
    fd = openSync(file, readFlags(noFollow));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ELOOP' && noFollow) return 'link';
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    checkOpenedFile(stat, name, imagePath, limit);
    return snapshotOf(readAll(fd, stat.size), stat);
  } finally {
    closeSync(fd);
  }
}

/** Reads `size` bytes from the start of an open file (fewer when it is shorter now). */
function readAll(fd: number, size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let done = 0;
  while (done < size) {
    const count = readSync(fd, bytes, done, size - done, done);
    if (count === 0) return bytes.slice(0, done);
    done += count;
  }
  return bytes;
}
