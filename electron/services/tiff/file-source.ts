/**
 * A {@link ByteSource} over a file, read with synchronous `fs.readSync` on one descriptor.
 *
 * Synchronous on purpose: it only runs inside a scan worker thread, where blocking costs
 * nothing but that worker's own time, and a header is a handful of small reads for which
 * the promise and thread-pool round trip of async fs would cost more than the read itself.
 * Every read honours the slow-disk test adapter (`ACQMETA_READ_DELAY_MS`).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { ByteSource } from '../../../shared/tiff';
import { blockBeforeRead, stampOf, THREAD_READ_DELAY_MS, type FileStamp } from '../disk';

/** Reads up to this size are cut from shared slabs instead of allocated one by one. */
const SLAB_BYTES = 256 * 1024;
const MAX_SLAB_READ = 16 * 1024;
let slab = new Uint8Array(SLAB_BYTES);
let slabUsed = 0;

/**
 * Room for `length` bytes. Small reads (most of a header) share one slab, which becomes
 * garbage once no view of it is held: thousands of files cost a few allocations instead of
 * one off-heap buffer each, and far less garbage collection.
 */
function bufferFor(length: number): Uint8Array {
  if (length > MAX_SLAB_READ) return new Uint8Array(length);
  if (slabUsed + length > SLAB_BYTES) {
    slab = new Uint8Array(SLAB_BYTES);
    slabUsed = 0;
  }
  const view = slab.subarray(slabUsed, slabUsed + length);
  slabUsed += (length + 7) & ~7;
  return view;
}

/** An open file as a byte source; `close()` must be called (use {@link withFileSource}). */
export interface FileSource extends ByteSource {
  /** Size, modification time and inode of the file, from the open descriptor. */
  readonly stamp: FileStamp;
  close(): void;
}

/** Opens a file for bounded reads: a read past the end rejects; each read first waits `delayMs`. */
function openFileSource(absPath: string, delayMs: number): FileSource {
  // O_NONBLOCK: a FIFO named .tif must fail the "regular file" check, not block the open
  const fd = openSync(absPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  let stamp: FileStamp;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error('not a regular file');
    stamp = stampOf(stat);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  const { size } = stamp;
  let open = true;
  return {
    size,
    stamp,
    read(offset: number, length: number): Uint8Array {
      blockBeforeRead(delayMs);
      if (!open) throw new Error('file is closed');
      if (offset < 0 || length < 0 || offset + length > size) {
        throw new Error(`read of ${length} bytes at ${offset} is past the end (size ${size})`);
      }
      const buffer = bufferFor(length);
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

/** Runs `fn` with the file open and closes it on every path; `delayMs` slows every read (tests). */
export async function withFileSource<T>(
  absPath: string,
  fn: (source: FileSource) => Promise<T>,
  delayMs = THREAD_READ_DELAY_MS,
): Promise<T> {
  const source = openFileSource(absPath, delayMs);
  try {
    return await fn(source);
  } finally {
    source.close();
  }
}
