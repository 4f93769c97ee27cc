/**
 * A {@link ByteSource} over a file, read with synchronous `fs.readSync` on one descriptor.
 *
 * Synchronous on purpose: it only runs inside a scan worker thread, where blocking costs
 * nothing but that worker's own time, and a header is a handful of small reads for which
 * the promise and thread-pool round trip of async fs would cost more than the read itself.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { ByteSource } from '../../../shared/tiff';

/** An open file as a byte source; `close()` must be called (use {@link withFileSource}). */
export interface FileSource extends ByteSource {
  close(): void;
}

/** Opens a file for bounded reads: a read past the end rejects. */
function openFileSource(absPath: string): FileSource {
  // O_NONBLOCK: a FIFO named .tif must fail the "regular file" check, not block the open
  const fd = openSync(absPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  let size: number;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error('not a regular file');
    size = stat.size;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  let open = true;
  return {
    size,
    async read(offset: number, length: number): Promise<Uint8Array> {
      if (!open) throw new Error('file is closed');
      if (offset < 0 || length < 0 || offset + length > size) {
        throw new Error(`read of ${length} bytes at ${offset} is past the end (size ${size})`);
      }
      const buffer = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const n = readSync(fd, buffer, done, length - done, offset + done);
        if (n === 0) throw new Error(`file shrank: got ${done} of ${length} bytes at ${offset}`);
        done += n;
      }
      return buffer;
    },
    close(): void {
      if (open) {
        open = false;
        closeSync(fd);
      }
    },
  };
}

/** Runs `fn` with the file open and closes it on every path. */
export async function withFileSource<T>(absPath: string, fn: (source: FileSource) => Promise<T>): Promise<T> {
  const source = openFileSource(absPath);
  try {
    return await fn(source);
  } finally {
    source.close();
  }
}
