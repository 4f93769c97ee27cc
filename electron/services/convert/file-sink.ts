/**
 * A file written front to back through a buffer of a few MiB, with positional patches of bytes
 * appended before (an IFD's link to the next one). Writes run in order, one at a time, while
 * the caller goes on preparing the next bytes: it waits only when more than a few buffers are
 * queued, so that reading, reducing and hashing overlap the disk instead of waiting on it.
 * Every byte is on disk or the disk's error is kept, in words, for every later call to throw.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { diskErrorReason, writeAllAt } from '../disk';

/** Bytes gathered before one write: large enough for few system calls, small beside a plane. */
const FLUSH_BYTES = 4 * 1024 * 1024;
/** Bytes queued for writing before an append waits for the oldest write to end. */
const QUEUED_BYTES = 8 * FLUSH_BYTES;

/**
 * A failed write of the copy in words (`the copy could not be written: the disk is full`),
 * keeping the disk's error code.
 */
export function copyNotWritten(error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const worded = new Error(`the copy could not be written: ${diskErrorReason(error)}`, { cause: error });
  return typeof code === 'string' ? Object.assign(worded, { code }) : worded;
}

/** A file being written at its end, buffered. */
export class FileSink {
  private chunks: Uint8Array[] = [];
  private held = 0;
  /** Writes started and not known to be done, oldest first, with their sizes. */
  private queued: { done: Promise<void>; bytes: number }[] = [];
  private queuedBytes = 0;
  /** The end of the last write started: each write starts after the one before. */
  private tail: Promise<void> = Promise.resolve();
  /** The first write that failed: every later call throws it. */
  private failure: unknown = null;
  /** Bytes the file holds once everything appended is written. */
  position = 0;

  private constructor(private readonly handle: FileHandle) {}

  /** Creates (or truncates) the file at `path`. */
  static async create(path: string): Promise<FileSink> {
    return new FileSink(
      await open(path, 'w').catch((error: unknown) => {
        throw copyNotWritten(error);
      }),
    );
  }

  /** Appends `bytes` (not copied: they must not change until written), returning their offset. */
  async append(bytes: Uint8Array): Promise<number> {
    const at = this.position;
    this.chunks.push(bytes);
    this.held += bytes.length;
    this.position += bytes.length;
    if (this.held >= FLUSH_BYTES) await this.flush();
    return at;
  }

  /** Pads with a zero byte to an even offset (IFDs start on a word boundary), returning the offset. */
  async align(): Promise<number> {
    if (this.position % 2 === 1) await this.append(new Uint8Array(1));
    return this.position;
  }

  /** Starts writing what is buffered, waiting while too much is queued. */
  async flush(): Promise<void> {
    this.startWrite();
    while (this.queuedBytes > QUEUED_BYTES) await this.settleOldest();
  }

  /**
   * Resolves once every byte before `offset` is in the file (what is buffered starts being
   * written, without waiting on the queue); rejects with the first failed write.
   */
  whenWritten(offset: number): Promise<void> {
    if (offset > this.position - this.held) this.startWrite();
    return this.tail.then(() => {
      if (this.failure !== null) throw this.failure;
    });
  }

  /**
   * Overwrites bytes at `at`: in the appended arrays themselves while they are still buffered (a
   * write per patch would cost small planes a write each), else once everything before is written.
   */
  async patch(at: number, bytes: Uint8Array): Promise<void> {
    if (at >= this.position - this.held && at + bytes.length <= this.position) {
      // from the newest chunk back: what is patched was appended a plane ago, not a buffer ago
      let end = this.position;
      for (let i = this.chunks.length - 1; i >= 0 && end > at; i--) {
        const chunk = this.chunks[i] as Uint8Array;
        const start = end - chunk.length;
        const from = Math.max(at, start);
        const to = Math.min(at + bytes.length, end);
        if (from < to) chunk.set(bytes.subarray(from - at, to - at), from - start);
        end = start;
      }
      return;
    }
    await this.flush();
    this.enqueue(bytes.length, () => writeAllAt(this.handle, [bytes], at));
  }

  /** Writes what is buffered and closes the file. */
  async close(): Promise<void> {
    try {
      await this.flush();
      while (this.queued.length > 0) await this.settleOldest();
    } finally {
      await this.tail;
      await this.handle.close();
    }
  }

  /** Closes the file without writing what is buffered (after a failure or a cancel). */
  async abandon(): Promise<void> {
    this.chunks = [];
    this.held = 0;
    await this.tail;
    await this.handle.close();
  }

  /** Queues the write of what is buffered. */
  private startWrite(): void {
    if (this.held === 0) return;
    const chunks = this.chunks;
    const at = this.position - this.held;
    this.enqueue(this.held, () => writeAllAt(this.handle, chunks, at));
    this.chunks = [];
    this.held = 0;
  }

  /** Queues a write after the last one; its failure is kept for the next call to throw. */
  private enqueue(bytes: number, write: () => Promise<unknown>): void {
    if (this.failure !== null) throw this.failure;
    this.tail = this.tail.then(async () => {
      if (this.failure === null) await write();
    });
    this.tail = this.tail.catch((error: unknown) => {
      this.failure ??= copyNotWritten(error);
    });
    this.queued.push({ done: this.tail, bytes });
    this.queuedBytes += bytes;
  }

  /** Waits for the oldest queued write, throwing the first failure. */
  private async settleOldest(): Promise<void> {
    const oldest = this.queued.shift();
    if (oldest !== undefined) {
      await oldest.done;
      this.queuedBytes -= oldest.bytes;
    }
    if (this.failure !== null) throw this.failure;
  }
}
