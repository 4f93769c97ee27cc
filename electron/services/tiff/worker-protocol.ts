/**
 * Messages between the scanner (main thread) and its scan workers.
 */
import type { PreviewImage, SidecarVersion } from '../../../shared/api';
import type { ImageInfo } from '../../../shared/image-format';
import type { TiffSummary } from '../../../shared/tiff';
import type { FileStamp } from '../disk';
import type { FileSnapshot } from '../sidecar';
import type { PlaneRequest } from './plane-limits';

/** Why a file failed: `range` for a plane index outside the image, `read` for everything else. */
export type FailureKind = 'read' | 'range';

/** A failure as data (errors do not cross thread boundaries intact). */
export interface WorkerFailure {
  ok: false;
  kind: FailureKind;
  message: string;
}

/**
 * What a scan does about a file's sidecar (`<file>.json`) besides its header: takes its stamp
 * (a scan's cache compares it), reads it whole (a scan parses it), or leaves it (null).
 */
export type SidecarTask = 'stamp' | 'read' | null;

/** The files of a batch as they cross threads (see scan-batch): paths joined by NUL (which no path holds), known stamps and sidecar tasks by index. */
export interface PackedFiles {
  paths: string;
  /** Size, modification time and inode of each file as last read; NaN where it is not known. */
  known: Float64Array<ArrayBuffer>;
  /** 0: leave the sidecar, 1: take its stamp, 2: read it. */
  sidecar: Uint8Array<ArrayBuffer>;
}

/** The answers of a batch: every file's stamps by index, and the rest of each answer as JSON (0 where there is none). */
export interface PackedResults {
  /** The file's stamp, then its sidecar's; NaN where there is none (a failure, no sidecar stamp asked or found). */
  stamps: Float64Array<ArrayBuffer>;
  /** UTF-8 JSON: per file 0 (stamps only), the header and sidecar read, or the failure. */
  rest: Uint8Array<ArrayBuffer>;
}

/** One file of a scan batch. */
export interface ScanFile {
  path: string;
  /** The stamp the file had when its header was last read: a file that still has it is not read again. */
  known: FileStamp | null;
  sidecar: SidecarTask;
}

/** A sidecar read beside a header: its snapshot, null when there is none, or the problem that stopped the read (as a row words it). */
export type SidecarBytes = FileSnapshot | null | { problem: string };

/**
 * A header as read: the summary a listing shows, or everything (`detail`), and the file's
 * stamp. `info` is null when the file still has the stamp the caller knew (it was not read).
 * `sidecar` is the sidecar's stamp when it was asked for and is a file, else null;
 * `sidecarRead` the sidecar itself when it was asked to be read.
 */
export interface ScannedFile<T extends TiffSummary | null = TiffSummary> {
  info: T;
  stamp: FileStamp;
  sidecar: FileStamp | null;
  sidecarRead?: SidecarBytes;
}

/** A sidecar read as it crosses threads: its bytes are at `at` in the reply's `sidecars`. */
export type CarriedSidecar =
  { at: number; version: SidecarVersion; mode: number; writable: boolean } | null | { problem: string };

/** One file's header (and sidecar), or why the header failed. */
export type ScanResult =
  | ({ ok: true } & Omit<ScannedFile<TiffSummary | ImageInfo | null>, 'sidecarRead'> & { sidecarRead?: CarriedSidecar })
  | WorkerFailure;

/** Data every worker starts with. */
export interface WorkerData {
  /** Files finished since the worker started, counted by the worker (the pool's watchdog reads it). */
  finished: Int32Array;
  /** Whether the worker lowers its priority on Linux (where a nice value is per thread), once its first files are read. */
  background: boolean;
}

/**
 * Work for a worker: a batch of headers to read (summaries, or everything when `detail`; the
 * files packed, see scan-batch), or one plane to decode.
 */
export type WorkerRequest =
  | { type: 'scan'; id: number; files: PackedFiles; detail: boolean }
  | { type: 'preview'; id: number; path: string; request: PlaneRequest };

/**
 * The answer to one request: the files of a batch, in order (packed, see scan-batch; their
 * buffers transferred rather than copied, as is `sidecars`, the bytes of the sidecars read one
 * after another) — in one message, or in several when the batch is slow to read — or the plane.
 */
export type WorkerReply =
  | { type: 'scanned'; id: number; results: PackedResults; sidecars: Uint8Array }
  | { type: 'previewed'; id: number; result: { ok: true; image: PreviewImage } | WorkerFailure };
