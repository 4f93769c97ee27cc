/**
 * The few file-descriptor calls of the sidecar reads on the main thread, as promises over Node's
 * callback API: without `FileHandle` objects, which cost several times more per call, a
 * difference that shows when thousands of small files are read.
 */
import fs from 'node:fs';
import { promisify } from 'node:util';

/** Opens a file; resolves the descriptor. */
export const openFd: (file: string, flags: string | number, mode?: number) => Promise<number> = promisify(fs.open);
/** Closes a descriptor. */
export const closeFd: (fd: number) => Promise<void> = promisify(fs.close);
/** Stats an open file. */
export const fstatFd: (fd: number) => Promise<fs.Stats> = promisify(fs.fstat);

const readAt = promisify(fs.read) as unknown as (
  fd: number,
  buffer: Buffer,
  offset: number,
  length: number,
  position: number,
) => Promise<{ bytesRead: number }>;

/** Reads `size` bytes from the start of an open file (fewer when it is shorter now). */
export async function readFd(fd: number, size: number): Promise<Buffer> {
  const bytes = Buffer.allocUnsafe(size);
  let done = 0;
  while (done < size) {
    const count = (await readAt(fd, bytes, done, size - done, done)).bytesRead;
    if (count === 0) return bytes.subarray(0, done);
    done += count;
  }
  return bytes;
}
