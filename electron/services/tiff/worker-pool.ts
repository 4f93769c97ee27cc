/**
 * A pool of scan workers that survives bad files.
 *
 * Each worker runs with V8 resource limits; a file that takes longer than the per-file
 * timeout, or that makes its worker run out of memory or crash, fails on its own while the
 * worker is terminated and replaced. Scan requests go out in batches and come back in
 * batches (few messages), the next batch before the current one is done (a worker never
 * waits for the main thread). The worker counts finished files in a shared counter, so the
 * pool knows which file it is stuck on: only that file fails, the others go back to the queue.
 */
import { Worker } from 'node:worker_threads';
import type { PreviewImage } from '../../../shared/api';
import type { ImageInfo } from '../../../shared/image-format';
import type { TiffSummary } from '../../../shared/tiff';
import type { PlaneRequest } from './plane-limits';
import type {
  CarriedSidecar,
  FailureKind,
  ScanFile,
  ScannedFile,
  SidecarBytes,
  WorkerData,
  WorkerFailure,
  WorkerReply,
  WorkerRequest,
} from './worker-protocol';
import { packFiles, unpackResults } from './scan-batch';

/** A file that failed, with the reason the worker or the pool gave. */
export class FileFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'FileFailure';
  }
}

/** How the pool runs. */
export interface PoolOptions {
  /** Path of the worker script, looked up when the first worker starts. */
  workerScript: () => string;
  workers: number;
  timeoutMs: number;
  maxMemoryMb: number;
  /** Most scan requests sent to a worker in one message. */
  batchSize: number;
  /** Workers lower their own priority (see TiffScannerOptions.background). */
  background?: boolean;
}

type Task =
  | {
      type: 'scan';
      path: string;
      file: ScanFile;
      detail: boolean;
      resolve: (file: ScannedFile<TiffSummary | ImageInfo | null>) => void;
      reject: (error: Error) => void;
    }
  | {
      type: 'preview';
      path: string;
      request: PlaneRequest;
      resolve: (image: PreviewImage) => void;
      reject: (error: Error) => void;
    };

interface Slot {
  worker: Worker;
  /** Tasks sent, in the order the worker works through them; answered ones leave from the front. */
  inflight: Task[];
  /** Files the worker has finished since it started (written by the worker). */
  finished: Int32Array;
  /** Files whose answers have arrived. */
  answered: number;
  /** The `finished` count at the last watchdog tick, and when it last moved. */
  seen: number;
  movedAt: number;
  watchdog: NodeJS.Timeout | null;
}

const CLOSED = 'the scanner was closed';
/** Scan requests in the message to a worker that has nothing to do (then `batchSize`). */
const FIRST_BATCH = 8;
const NO_BYTES = new Uint8Array(0);

/** Runs scan and preview requests on worker threads. */
export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  private pumpScheduled = false;

  constructor(private readonly options: PoolOptions) {}

  /**
   * Reads the header of one file: everything when `detail`, else the summary a listing shows.
   * With a `known` stamp, a file that still has it is not read (`info` is null).
   */
  scan(file: ScanFile, detail: boolean): Promise<ScannedFile<TiffSummary | ImageInfo | null>> {
    return new Promise((resolve, reject) =>
      this.submit({ type: 'scan', path: file.path, file, detail, resolve, reject }),
    );
  }

  /** Decodes one plane of one file. */
  preview(path: string, request: PlaneRequest): Promise<PreviewImage> {
    return new Promise((resolve, reject) => this.submit({ type: 'preview', path, request, resolve, reject }));
  }

  /** Starts the workers before any work arrives (their start-up is then off the first file's path). */
  warm(): void {
    try {
      while (!this.closed && this.slots.size < this.options.workers) this.spawn().worker.unref();
    } catch {
      // the first request reports why the worker cannot start
    }
  }

  /** Rejects what is queued and stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    const slots = [...this.slots];
    this.slots.clear();
    const pending = [...this.queue.splice(0), ...slots.flatMap((slot) => slot.inflight.splice(0))];
    for (const slot of slots) this.stopWatchdog(slot);
    for (const task of pending) task.reject(new FileFailure('read', CLOSED));
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private submit(task: Task): void {
    if (this.closed) {
      task.reject(new FileFailure('read', CLOSED));
      return;
    }
    this.queue.push(task);
    // Files submitted in one turn of the event loop go out in one message, not one each.
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.leastBusy();
      // a busy pool grows before a worker gets a second batch
      if (slot === undefined || (slot.inflight.length > 0 && this.slots.size < this.options.workers)) {
        if (this.slots.size >= this.options.workers) return;
        try {
          slot = this.spawn();
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          for (const task of this.queue.splice(0)) task.reject(new FileFailure('read', message));
          return;
        }
      }
      this.dispatch(slot);
    }
  }

  /** The worker with the fewest files in flight, among those that may take another batch. */
  private leastBusy(): Slot | undefined {
    let best: Slot | undefined;
    for (const slot of this.slots) {
      if (
        slot.inflight.length <= this.options.batchSize &&
        (best === undefined || slot.inflight.length < best.inflight.length)
      )
        best = slot;
    }
    return best;
  }

  private spawn(): Slot {
    const { maxMemoryMb } = this.options;
    const finished = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(this.options.workerScript(), {
      workerData: { finished, background: this.options.background === true } satisfies WorkerData,
      resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: 16 },
    });
    const slot: Slot = { worker, inflight: [], finished, answered: 0, seen: 0, movedAt: 0, watchdog: null };
    worker.on('message', (reply: WorkerReply) => this.onReply(slot, reply));
    worker.on('error', (error: Error) => this.onFailure(slot, describeCrash(error, maxMemoryMb)));
    worker.on('exit', (code) => this.onFailure(slot, `the reader stopped unexpectedly (exit code ${code})`));
    this.slots.add(slot);
    return slot;
  }

  private dispatch(slot: Slot): void {
    const first = this.queue[0];
    if (first === undefined) return;
    const id = this.nextId++;
    let tasks: Task[];
    let message: WorkerRequest;
    let transfer: ArrayBuffer[] = [];
    if (first.type === 'preview') {
      tasks = this.queue.splice(0, 1);
      message = { type: 'preview', id, path: first.path, request: first.request };
    } else {
      // an idle worker gets a small batch first, so the first answers come back at once
      const limit = slot.inflight.length === 0 ? Math.min(FIRST_BATCH, this.options.batchSize) : this.options.batchSize;
      let count = 0;
      const sameKind = (task: Task | undefined): boolean => task?.type === 'scan' && task.detail === first.detail;
      while (count < limit && sameKind(this.queue[count])) count++;
      tasks = this.queue.splice(0, count);
      const files = packFiles((tasks as Extract<Task, { type: 'scan' }>[]).map((task) => task.file));
      message = { type: 'scan', id, files, detail: first.detail };
      transfer = [files.known.buffer, files.sidecar.buffer];
    }
    if (slot.inflight.length === 0) this.startWatchdog(slot);
    slot.inflight.push(...tasks);
    slot.worker.postMessage(message, transfer);
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    if (!this.slots.has(slot)) return;
    const results = reply.type === 'scanned' ? unpackResults(reply.results) : [reply.result];
    const sidecars = reply.type === 'scanned' ? reply.sidecars : NO_BYTES;
    for (const result of results) {
      const task = slot.inflight.shift();
      if (task === undefined) break;
      slot.answered++;
      if (!result.ok) task.reject(failureOf(result));
      else if (task.type === 'scan' && 'info' in result) {
        const { info, stamp, sidecar, sidecarRead } = result;
        task.resolve(
          sidecarRead === undefined
            ? { info, stamp, sidecar }
            : { info, stamp, sidecar, sidecarRead: sidecarOf(sidecarRead, sidecars) },
        );
      } else if (task.type === 'preview' && 'image' in result) task.resolve(result.image);
    }
    if (slot.inflight.length === 0) this.stopWatchdog(slot);
    this.pump();
  }

  /** The worker hung, crashed or ran out of memory: fail the file it was on, requeue the rest. */
  private onFailure(slot: Slot, reason: string): void {
    if (!this.slots.delete(slot)) return;
    this.stopWatchdog(slot);
    const tasks = slot.inflight.splice(0);
    const stuckAt = Math.min(Atomics.load(slot.finished, 0) - slot.answered, tasks.length - 1);
    const [culprit] = tasks.splice(stuckAt, 1);
    culprit?.reject(new FileFailure('read', reason));
    this.queue.unshift(...tasks);
    void slot.worker.terminate();
    this.pump();
  }

  /** Checks a few times per timeout that the worker's finished-files count still moves. */
  private startWatchdog(slot: Slot): void {
    slot.worker.ref();
    slot.seen = Atomics.load(slot.finished, 0);
    slot.movedAt = Date.now();
    const { timeoutMs } = this.options;
    slot.watchdog = setInterval(
      () => {
        const finished = Atomics.load(slot.finished, 0);
        if (finished !== slot.seen) {
          slot.seen = finished;
          slot.movedAt = Date.now();
        } else if (Date.now() - slot.movedAt >= timeoutMs) {
          this.onFailure(slot, `reading took longer than ${timeoutMs / 1000} s`);
        }
      },
      Math.max(10, timeoutMs / 5),
    );
  }

  private stopWatchdog(slot: Slot): void {
    if (slot.watchdog !== null) clearInterval(slot.watchdog);
    slot.watchdog = null;
    slot.worker.unref();
  }
}

/** A sidecar read in a worker, its bytes cut from the answer's `sidecars`. */
function sidecarOf(carried: CarriedSidecar, sidecars: Uint8Array): SidecarBytes {
  if (carried === null || 'problem' in carried) return carried;
  const { at, version, mode, writable } = carried;
  return { bytes: sidecars.subarray(at, at + version.size), version, mode, writable };
}

function failureOf(result: WorkerFailure): FileFailure {
  return new FileFailure(result.kind, result.message);
}

function describeCrash(error: Error, maxMemoryMb: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return `reading needed more than ${maxMemoryMb} MB of memory`;
  return `the reader crashed: ${error.message}`;
}
