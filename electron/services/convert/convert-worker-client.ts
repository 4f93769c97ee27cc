/**
 * The main thread's side of a convert worker (see `convert-worker.ts`): one per conversion,
 * started with its first request, with a bounded heap. A worker that runs out of memory or
 * crashes fails the request under way (and any queued) with the reason in words; the next
 * request starts a fresh worker.
 */
import { Worker } from 'node:worker_threads';
import { findBundledScript } from '../bundled-script';
import type {
  ConvertReply,
  ConvertRequest,
  ConvertValue,
  DescribedSource,
  WriteRequest,
} from './convert-worker-protocol';
import type { WrittenOmeTiff } from './ome-tiff-writer';
import type { WrittenPlane } from './read-back';

const WORKER_FILE = 'convert-worker.cjs';
/**
 * The worker's JavaScript heap by default: headers and OME-XML live there; planes and blocks
 * are outside it, one plane (at most 1 GiB) and its levels at a time.
 */
export const CONVERT_WORKER_HEAP_MB = 256;

interface Waiting {
  resolve: (value: ConvertValue) => void;
  reject: (error: Error) => void;
  onPlanes?: (planes: number) => void;
  readBack?: (planes: WrittenPlane[]) => Promise<void>;
}

/** What a write hears as it goes: planes written so far, and the planes to read back, a few at a time. */
interface WriteListeners {
  onPlanes: (planes: number) => void;
  readBack: (planes: WrittenPlane[]) => Promise<void>;
}

type Unsent =
  | { type: 'describe' | 'hash'; path: string }
  | { type: 'read-back'; path: string; planes: WrittenPlane[] }
  | { type: 'close' }
  | Omit<WriteRequest, 'id'>;

/** A conversion's worker thread, as requests that resolve with its answers. */
export class ConvertWorker {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private aborted = false;

  constructor(private readonly heapMb = CONVERT_WORKER_HEAP_MB) {}

  /** The source file's size and images (each ready, or refused with the reason). */
  describe(path: string): Promise<DescribedSource> {
    return this.send({ type: 'describe', path }) as Promise<DescribedSource>;
  }

  /** SHA-256 of the file, lower-case hex. */
  hash(path: string): Promise<string> {
    return this.send({ type: 'hash', path }) as Promise<string>;
  }

  /** Writes one image of a source to a new temp file; the planes on disk are read back by `listeners.readBack`. */
  write(request: Omit<WriteRequest, 'type' | 'id'>, listeners: WriteListeners): Promise<WrittenOmeTiff> {
    return this.send({ type: 'write', ...request }, listeners) as Promise<WrittenOmeTiff>;
  }

  /** Reads `planes` back from the file at `path` (being written by another worker); rejects when one differs. */
  async readBack(path: string, planes: WrittenPlane[]): Promise<void> {
    await this.send({ type: 'read-back', path, planes });
  }

  /** Stops the write under way between two blocks, and every later one (it fails, its temp file closed). */
  abort(): void {
    this.aborted = true;
    this.worker?.postMessage({ type: 'abort' } satisfies ConvertRequest);
  }

  /** Lets the worker finish and stops it. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (worker === null) return;
    await this.send({ type: 'close' }).catch(() => undefined);
    this.worker = null;
    await worker.terminate();
  }

  private send(request: Unsent, listeners?: WriteListeners): Promise<ConvertValue> {
    return new Promise((resolve, reject) => {
      let worker: Worker;
      try {
        worker = this.started();
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject, ...listeners });
      worker.postMessage({ ...request, id } as ConvertRequest);
    });
  }

  private started(): Worker {
    if (this.worker !== null) return this.worker;
    const worker = new Worker(findBundledScript(WORKER_FILE), {
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: 32 },
    });
    worker.on('message', (reply: ConvertReply) => this.onReply(reply));
    worker.on('error', (error: Error) => this.stopped(worker, crashReason(error, this.heapMb)));
    worker.on('exit', (code) => this.stopped(worker, `the converter stopped unexpectedly (exit code ${code})`));
    if (this.aborted) worker.postMessage({ type: 'abort' } satisfies ConvertRequest);
    this.worker = worker;
    return worker;
  }

  private onReply(reply: ConvertReply): void {
    const entry = this.waiting.get(reply.id);
    if (entry === undefined) return;
    if (reply.type === 'planes') {
      entry.onPlanes?.(reply.planes);
      return;
    }
    if (reply.type === 'read-back') {
      this.answerReadBack(reply.seq, entry.readBack?.(reply.planes) ?? Promise.reject(new Error('no read-back')));
      return;
    }
    this.waiting.delete(reply.id);
    if (reply.type === 'done') entry.resolve(reply.value);
    else entry.reject(Object.assign(new Error(reply.message), reply.code === undefined ? {} : { code: reply.code }));
  }

  /** Tells the worker how the read-back it asked for (`seq`) ended. */
  private answerReadBack(seq: number, done: Promise<void>): void {
    done.then(
      () => this.worker?.postMessage({ type: 'read-back-done', seq } satisfies ConvertRequest),
      (error: unknown) =>
        this.worker?.postMessage({
          type: 'read-back-done',
          seq,
          message: error instanceof Error ? error.message : String(error),
        } satisfies ConvertRequest),
    );
  }

  /** The worker is gone: what waited on it fails with `reason`; the next request starts another. */
  private stopped(worker: Worker, reason: string): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const failed = [...this.waiting.values()];
    this.waiting.clear();
    for (const entry of failed) entry.reject(new Error(reason));
  }
}

function crashReason(error: Error, heapMb: number): string {
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY')
    return `converting it needed more than ${heapMb} MB of memory`;
  return `the converter crashed: ${error.message}`;
}
