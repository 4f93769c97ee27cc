/**
 * Messages between the scanner (main thread) and its scan workers.
 */
import type { PreviewImage } from '../../../shared/api';
import type { TiffInfo, TiffSummary } from '../../../shared/tiff';
import type { FileStamp } from '../folder/file-stamp';
import type { PlaneRequest } from './decode-plane';

/** Why a file failed: `range` for a plane index outside the image, `read` for everything else. */
export type FailureKind = 'read' | 'range';

/** A failure as data (errors do not cross thread boundaries intact). */
export interface WorkerFailure {
  ok: false;
  kind: FailureKind;
  message: string;
}

/** One file of a scan batch. */
export interface ScanFile {
  path: string;
  /** The stamp the file had when its header was last read: a file that still has it is not read again. */
  known: FileStamp | null;
  /** Whether to report the stamp of the file's sidecar too (a scan's cache compares it). */
  sidecar: boolean;
}

/**
 * A header as read: the summary a listing shows, or everything (`detail`), and the file's
 * stamp. `info` is null when the file still has the stamp the caller knew (it was not read).
 * `sidecar` is the sidecar's stamp when it was asked for and is a file, else null.
 */
export interface ScannedFile<T extends TiffSummary | null = TiffSummary> {
  info: T;
  stamp: FileStamp;
  sidecar: FileStamp | null;
}

/** One file's header, or why it failed. */
export type ScanResult = ({ ok: true } & ScannedFile<TiffSummary | TiffInfo | null>) | WorkerFailure;

/** Data every worker starts with. */
export interface WorkerData {
  /** Files finished since the worker started, counted by the worker (the pool's watchdog reads it). */
  finished: Int32Array;
  /** Whether the worker lowers its priority on Linux, where a nice value is per thread. */
  background: boolean;
}

/**
 * Work for a worker: a batch of headers to read (summaries, or everything when `detail`; the
 * files as UTF-8 JSON of `ScanFile[]`, transferred: cheaper than cloning the objects), or one
 * plane to decode.
 */
export type WorkerRequest =
  | { type: 'scan'; id: number; files: Uint8Array; detail: boolean }
  | { type: 'preview'; id: number; path: string; request: PlaneRequest };

/**
 * The answer to one request: the files of a batch, in order (`ScanResult[]` as UTF-8 JSON,
 * transferred rather than copied: several times cheaper than cloning the object graph) — in
 * one message, or in several when the batch is slow to read — or the plane.
 */
export type WorkerReply =
  | { type: 'scanned'; id: number; results: Uint8Array }
  | { type: 'previewed'; id: number; result: { ok: true; image: PreviewImage } | WorkerFailure };
