/**
 * The chunk files of an export written while the next chunks are compressed: each folder made
 * once, at most {@link WRITES_IN_FLIGHT} writes under way (a new one waits for the oldest), the
 * first failure thrown by the next write or by {@link ChunkWrites.drain}.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes under way at most. */
export const WRITES_IN_FLIGHT = 16;

/** New files written in the background. */
export class ChunkWrites {
  private readonly inFlight: Promise<void>[] = [];
  private failure: { error: unknown } | null = null;
  private readonly folders = new Set<string>();

  /** Starts writing `data` as the new file `file` (its folder made when needed); waits while too many are under way. */
  async add(file: string, data: Uint8Array): Promise<void> {
    this.throwFailure();
    const folder = path.dirname(file);
    if (!this.folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.folders.add(folder);
    }
    this.inFlight.push(
      writeFile(file, data, { flag: 'wx' }).catch((error: unknown) => {
        this.failure ??= { error };
      }),
    );
    if (this.inFlight.length >= WRITES_IN_FLIGHT) await this.inFlight.shift();
  }

  /** Waits for every write under way; throws the first that failed. */
  async drain(): Promise<void> {
    await this.settle();
    this.throwFailure();
  }

  /** Waits for every write under way, failed or not (before what they write into is removed). */
  async settle(): Promise<void> {
    await Promise.all(this.inFlight.splice(0));
  }

  private throwFailure(): void {
    if (this.failure !== null) throw this.failure.error;
  }
}
