/**
 * "Build upload…" from the app: the open folder built into a repository's upload as `acqmeta
 * submission` builds it. A review first (what will be written, linked, copied and converted,
 * the to-do left, the size and the free space), then the build in the background, its progress
 * in bytes and its outcome arriving as `upload-*` events (api-events.ts).
 */
import type { TodoItem } from './submission/submission-cells';

/**
 * The upload folder offered first: `<folder>-upload` beside the lab folder (either separator).
 * Browser mode accepts it for a folder the server serves, though it lies outside that folder.
 */
export function defaultUploadFolder(folder: string): string {
  return `${folder.replace(/[\\/]+$/, '')}-upload`;
}

/** What the review is asked for: the target (`hubmap:confocal`, …) and the upload folder. */
export interface UploadAsked {
  format: string;
  /** The upload folder: absolute, or relative to the open folder (which it must lie outside). */
  upload: string;
  /** Replace an upload built there before. */
  force: boolean;
}

/**
 * One thing the build will do, its path relative to the upload folder: a metadata or channel
 * file written, a lab file linked (same disk) or copied and read back, an empty folder kept,
 * an image converted to OME-TIFF.
 */
export interface UploadStep {
  action: 'write' | 'link' | 'copy' | 'folder' | 'convert';
  path: string;
  /** The lab folder's file it comes from, relative to the open folder; null for a file AcqMeta writes. */
  source: string | null;
  /** The source's size; null for a file AcqMeta writes. */
  bytes: number | null;
}

/** What building the upload would do; nothing is written yet. */
export interface UploadReview {
  /** What `startUpload` names to build exactly what was reviewed. */
  reviewId: string;
  format: string;
  /** The upload folder, absolute. */
  upload: string;
  /** There is an upload there that the build replaces. */
  replaces: boolean;
  steps: UploadStep[];
  /** What is left to do once it is built, as `acqmeta submission --dry-run` lists it. */
  todo: TodoItem[];
  /** Images, sidecars or channel tables that could not be read, and what of the folder is left out. */
  notes: string[];
  /** The bytes the build goes through (its progress's total): the lab files, and each image again when it is converted. */
  bytes: number;
  /** The bytes the lab files take that are copied rather than linked, plus the images converted (their copies' size is about theirs). */
  needed: number;
  /** Free space where the upload goes; null when the disk does not say. */
  free: number | null;
}

/** How far a build is, in bytes (see {@link UploadReview.bytes}), and the file under way. */
export interface UploadProgress {
  done: number;
  total: number;
  current: string;
}

/** How a build ended: built (with what is left to do), or cancelled (nothing left in the upload folder). */
export type UploadOutcome =
  | {
      kind: 'built';
      /** The upload folder, absolute. */
      upload: string;
      linked: number;
      copied: number;
      converted: number;
      todo: TodoItem[];
    }
  | { kind: 'cancelled' };

/** The methods of "Build upload…": request and response types. */
export interface UploadMethods {
  /**
   * Plans the upload of the open folder for `format` at `upload` and says what building it would
   * do; writes nothing. INVALID_VALUE when it cannot be built as asked (an unknown target, an
   * upload folder inside the lab folder or already there, images whose copies take one name), naming why.
   */
  reviewUpload: { request: UploadAsked; response: UploadReview };
  /**
   * Starts building the review `reviewId` (the latest one); progress and the outcome arrive as
   * `upload-progress` and `upload-done` tagged with `jobId`, or `upload-failed`. CONFLICT when
   * that review is not the latest of the open folder.
   */
  startUpload: { request: { reviewId: string }; response: { jobId: string } };
  /** Stops a build; its staging folder is removed and the upload folder is as it was. False when none ran. */
  cancelUpload: { request: { jobId: string }; response: { cancelled: boolean } };
  /**
   * Electron only: shows the upload folder of the build `jobId` in the file manager; IO, with the
   * system's reason, when the file manager cannot open it. BAD_REQUEST elsewhere.
   */
  showUpload: { request: { jobId: string }; response: { shown: boolean } };
}
