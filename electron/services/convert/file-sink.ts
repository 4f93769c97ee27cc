/**
 * A file written front to back through a buffer of a few MiB, with positional patches of bytes
 * already written (an IFD's link to the next one).
 */
import { open, type FileHandle } from 'node:fs/promises';

/** Bytes gathered before one write: large enough for few system calls, small beside a plane. */
const FLUSH_BYTES = 4 * 1024 * 1024;

/** A file being written at its end, buffered. */
export class FileSink {
  private chunks: Uint8Array[] = [];
  private held = 0;
  /** Bytes the file holds once everything appended is written. */
  position = 0;

  private constructor(private readonly handle: FileHandle) {}

  /** Creates (or truncates) the file at `path`. */
  static async create(path: string): Promise<FileSink> {
    return new FileSink(await open(path, 'w'));
  }

  /** Appends `bytes` (not copied: they must not change until flushed), returning their offset. */
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

  /** Writes what is buffered. */
  async flush(): Promise<void> {
    if (this.held === 0) return;
    const chunks = this.chunks;
    const at = this.position - this.held;
    this.chunks = [];
    this.held = 0;
    await this.handle.writev(chunks, at);
  }

  /** Overwrites bytes at `at`, which may still be buffered. */
  async patch(at: number, bytes: Uint8Array): Promise<void> {
    await this.flush();
    await this.handle.write(bytes, 0, bytes.length, at);
  }

  /** Writes what is buffered and closes the file. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.handle.close();
    }
  }

  /** Closes the file without writing what is buffered (after a failure or a cancel). */
  async abandon(): Promise<void> {
    this.chunks = [];
    this.held = 0;
    await this.handle.close();
  }
}
