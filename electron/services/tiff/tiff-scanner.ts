/**
 * The TIFF scanner: headers and preview planes read on a pool of worker threads.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { PreviewImage } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import type { TiffInfo } from '../../../shared/tiff';
import type { PlaneRequest } from './decode-plane';
import { FileFailure, WorkerPool } from './worker-pool';

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
}

/** Reads TIFF headers and preview planes; every failure is an `UNREADABLE_IMAGE` ApiFailure. */
export interface TiffScanner {
  /** The header of one TIFF. */
  scan(absPath: string): Promise<TiffInfo>;
  /** One plane of series[0], downsampled to `maxSize` and auto-contrasted. */
  preview(absPath: string, request: PlaneRequest): Promise<PreviewImage>;
  /** Stops the workers; pending requests are rejected. */
  close(): Promise<void>;
}

const WORKER_FILE = 'scan-worker.cjs';

/**
 * Where the worker script is: next to this bundle in dist/electron (in a packaged app, its copy
 * unpacked from app.asar, which worker threads cannot load from), else the built one.
 */
function findWorkerScript(): string {
  const unpacked = __dirname.replace(/app\.asar(?=[\\/]|$)/, 'app.asar.unpacked');
  const candidates = [
    path.join(unpacked, WORKER_FILE),
    path.join(__dirname, WORKER_FILE),
    path.resolve(__dirname, '../../../dist/electron', WORKER_FILE),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found === undefined) throw new Error(`${WORKER_FILE} not found (run npm run build); looked in ${candidates.join(', ')}`);
  return found;
}

function toApiFailure(error: unknown, absPath: string): ApiFailure {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof FileFailure && error.kind === 'range' ? 'BAD_REQUEST' : 'UNREADABLE_IMAGE';
  return new ApiFailure(code, `${path.basename(absPath)}: ${message}`, absPath);
}

/** Creates a scanner; its workers start on first use and idle ones do not keep the process alive. */
export function createTiffScanner(options: TiffScannerOptions = {}): TiffScanner {
  const pool = new WorkerPool({
    workerScript: () => options.workerScript ?? findWorkerScript(),
    workers: Math.max(1, options.workers ?? Math.min(4, availableParallelism() - 1)),
    timeoutMs: options.timeoutMs ?? 30_000,
    maxMemoryMb: options.maxMemoryMb ?? 512,
    batchSize: 16,
  });
  return {
    scan: (absPath) => pool.scan(absPath).catch((error: unknown) => Promise.reject(toApiFailure(error, absPath))),
    preview: (absPath, request) => pool.preview(absPath, request).catch((error: unknown) => Promise.reject(toApiFailure(error, absPath))),
    close: () => pool.close(),
  };
}
