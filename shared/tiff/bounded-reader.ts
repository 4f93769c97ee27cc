/**
 * Bounded, cached reads over a {@link ByteSource}.
 *
 * Every read is checked against the file size before it is made (a read past the end is an
 * error, never zeros), and the total read per file is capped, so a file that claims a
 * 2 GB description costs nothing. Small reads are served from a few cached chunks: the
 * first read fetches 4 KiB, which holds the header and first IFD of most files. Reads that go
 * on through the file (the IFDs of a stack, a few kB apart) read further ahead each time, up
 * to 16 KiB, as a buffered file would: a 1,000-page stack costs tens of reads, not a thousand;
 * IFDs far apart (a 1 GB file) are read with small reads.
 */
import type { ByteSource } from './types';

/** A TIFF that cannot be read, with a message that says why. */
export class TiffReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TiffReadError';
  }
}

const FIRST_READ = 4096;
const READ_AHEAD = 512;
const MAX_READ_AHEAD = 16 * 1024;
/** A read this close after the end of the previous one counts as reading on through the file. */
const NEAR = 64 * 1024;
const MAX_CHUNKS = 16;

interface Chunk {
  start: number;
  bytes: Uint8Array;
}

/** Reads byte ranges of one file within its size and a byte budget. */
export class BoundedReader {
  readonly size: number;
  private readonly chunks: Chunk[] = [];
  private bytesRead = 0;
  private readAhead = READ_AHEAD;
  private lastEnd = -1;

  constructor(
    private readonly source: ByteSource,
    private readonly maxBytes: number,
  ) {
    this.size = source.size;
  }

  /** Fails unless `[offset, offset + length)` lies inside the file; `what` names the bytes (made only for the message). */
  check(offset: number, length: number, what: Named): void {
    if (!Number.isSafeInteger(offset) || offset < 0 || offset >= this.size) {
      throw new TiffReadError(`truncated file: ${named(what)} at ${offset} is past the end (size ${this.size})`);
    }
    if (!Number.isSafeInteger(length) || length < 0 || offset + length > this.size) {
      throw new TiffReadError(
        `truncated file: ${named(what)} at ${offset} (${length} bytes) runs past the end (size ${this.size})`,
      );
    }
  }

  /** The bytes `[offset, offset + length)`; `what` names them in error messages. */
  bytes(offset: number, length: number, what: Named): Uint8Array {
    const chunk = this.chunkHolding(offset, length, what);
    const start = offset - chunk.start;
    return chunk.bytes.subarray(start, start + length);
  }

  /**
   * The unsigned integer in the `length` (2, 4 or 8) bytes at `offset`, read as {@link bytes}
   * reads them but without a view of its own: the walk of a 1,000-page chain reads two a page.
   * 8-byte values above 2^53 lose precision (and fail later bounds checks).
   */
  uint(offset: number, length: number, littleEndian: boolean, what: Named): number {
    const chunk = this.chunkHolding(offset, length, what);
    const bytes = chunk.bytes;
    const start = offset - chunk.start;
    let value = 0;
    for (let k = 0; k < length; k++)
      value = value * 256 + (bytes[start + (littleEndian ? length - 1 - k : k)] as number);
    return value;
  }

  /** A cached chunk that holds `[offset, offset + length)`, read (and cached) when none does. */
  private chunkHolding(offset: number, length: number, what: Named): Chunk {
    this.check(offset, length, what);
    // the newest first: reads go on through the file
    for (let i = this.chunks.length - 1; i >= 0; i--) {
      const chunk = this.chunks[i] as Chunk;
      const start = offset - chunk.start;
      if (start >= 0 && start + length <= chunk.bytes.length) return chunk;
    }
    if (this.lastEnd >= 0) {
      const gap = offset - this.lastEnd;
      this.readAhead = gap >= 0 && gap <= NEAR ? Math.min(MAX_READ_AHEAD, this.readAhead * 2) : READ_AHEAD;
    }
    const want = Math.max(length, this.lastEnd < 0 ? FIRST_READ : this.readAhead);
    const readLength = Math.min(want, this.size - offset);
    if (this.bytesRead + readLength > this.maxBytes) {
      throw new TiffReadError(`reading ${named(what)} would exceed the ${this.maxBytes}-byte limit for one header`);
    }
    this.bytesRead += readLength;
    const bytes = this.source.read(offset, readLength);
    if (bytes.length !== readLength) {
      throw new TiffReadError(`short read: ${bytes.length} of ${readLength} bytes at ${offset}`);
    }
    if (this.chunks.length >= MAX_CHUNKS) this.chunks.shift();
    const chunk = { start: offset, bytes };
    this.chunks.push(chunk);
    this.lastEnd = offset + readLength;
    return chunk;
  }
}

/** What a read is of, for an error message: a text, or a function that makes it (only when a message is needed). */
export type Named = string | (() => string);

/** The text of a {@link Named}. */
export function named(what: Named): string {
  return typeof what === 'string' ? what : what();
}
