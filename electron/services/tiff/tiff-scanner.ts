/**
 * The image scanner: headers (TIFF, CZI, ND2, LIF, OIB) and preview planes read on a pool of worker threads.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { PreviewImage } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import type { ImageInfo } from '../../../shared/image-format';
import type { TiffSummary } from '../../../shared/tiff';
import type { FileStamp } from '../disk';
import type { PlaneRequest } from './plane-limits';
import { findBundledScript } from '../bundled-script';
import { FileFailure, WorkerPool } from './worker-pool';
import type { ScannedFile, SidecarTask } from './worker-protocol';

/** How a scanner runs. */
export interface TiffScannerOptions {
  /** Worker threads (default: available cores but one, which the caller's own thread needs; 1 to 4). */
  workers?: number;
  /** Per-file limit before the worker is stopped and the file fails (default 30 s). */
  timeoutMs?: number;
  /** V8 heap limit of each worker (default 512 MB). */
  maxMemoryMb?: number;
  /** The bundled worker script (default: scan-worker.cjs next to the running bundle, else dist/electron/). */
  workerScript?: string;
  /**
   * Reads as background work, giving way to other threads when the cores are busy (where the
   * system sets priorities per thread, Linux) once a worker's first files are read: for the app,
   * whose window must stay responsive while a folder is scanned. Default false (the command
   * line has nothing to give way to).
   */
  background?: boolean;
}

/** Reads image headers and preview planes; every failure is an `UNREADABLE_IMAGE` ApiFailure. */
export interface TiffScanner {
  /** The header of one image (a TIFF, or a CZI, ND2, LIF or OIB file): everything the detail view shows. */
  scan(absPath: string): Promise<ImageInfo>;
  /**
   * What a folder listing shows of one image, with the stamp of the file that was read. Given
   * the stamp the file had when it was last read, an unchanged file is not read (`info` null);
   * with `sidecar`, the stamp of its sidecar comes along (`'stamp'`), or the sidecar itself (`'read'`).
   */
  summary(
    absPath: string,
    options?: { known?: FileStamp | null; sidecar?: SidecarTask },
  ): Promise<ScannedFile<TiffSummary | null>>;
  /** One plane of series[0], downsampled to `maxSize` and auto-contrasted. */
  preview(absPath: string, request: PlaneRequest): Promise<PreviewImage>;
  /**
   * Identifies the code that reads headers (a hash of the worker script), so that headers kept
   * by the scan cache are read again after an update changed what the reader reports.
   */
  readerId(): string;
  /** Starts the workers now, so that the first scan does not wait for them (idle ones keep no process alive). */
  warm(): void;
  /** Stops the workers; pending requests are rejected. */
  close(): Promise<void>;
}

const WORKER_FILE = 'scan-worker.cjs';

/**
 * Headers sent to a worker in one message: few messages for a large folder, while a batch is
 * still a small fraction of what the rows consumer keeps in flight (rows stream steadily).
 */
const SCAN_BATCH = 64;

function scriptHash(script: () => string): string {
  try {
    return createHash('sha256').update(readFileSync(script())).digest('hex').slice(0, 32);
  } catch {
    return 'unknown';
  }
}

function toApiFailure(error: unknown, absPath: string): ApiFailure {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof FileFailure && error.kind === 'range' ? 'BAD_REQUEST' : 'UNREADABLE_IMAGE';
  return new ApiFailure(code, `${path.basename(absPath)}: ${message}`, absPath);
}

/** Creates a scanner; its workers start on first use and idle ones do not keep the process alive. */
export function createTiffScanner(options: TiffScannerOptions = {}): TiffScanner {
  const workerScript = (): string => options.workerScript ?? findBundledScript(WORKER_FILE);
  let readerId: string | null = null;
  const pool = new WorkerPool({
    workerScript,
    workers: Math.max(1, options.workers ?? Math.min(4, availableParallelism() - 1)),
    timeoutMs: options.timeoutMs ?? 30_000,
    maxMemoryMb: options.maxMemoryMb ?? 512,
    batchSize: SCAN_BATCH,
    background: options.background === true,
  });
  return {
    scan: (absPath) =>
      pool.scan({ path: absPath, known: null, sidecar: null }, true).then(
        (file) => file.info as ImageInfo,
        (error: unknown) => Promise.reject(toApiFailure(error, absPath)),
      ),
    summary: (absPath, options = {}) =>
      pool.scan({ path: absPath, known: options.known ?? null, sidecar: options.sidecar ?? null }, false).then(
        (file) => file as ScannedFile<TiffSummary | null>,
        (error: unknown) => Promise.reject(toApiFailure(error, absPath)),
      ),
    preview: (absPath, request) =>
      pool.preview(absPath, request).catch((error: unknown) => Promise.reject(toApiFailure(error, absPath))),
    readerId: () => {
      readerId ??= scriptHash(workerScript);
      return readerId;
    },
    warm: () => pool.warm(),
    close: () => pool.close(),
  };
}
