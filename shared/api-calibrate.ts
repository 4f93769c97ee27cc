/**
 * Calibration written into image files from the app ("Write calibration into image files…"),
 * as `acqmeta calibrate` writes it: a review of each image's header values old → new (and the
 * images refused), then the writes in the background, their progress and outcome arriving as
 * `calibrate-*` events (api-events.ts); and a header write undone from the History section.
 */
import type { CalibrationOutcome, ImageReview } from './tiff-calibration';

export type { CalibrationOutcome, HeaderValueChange, ImageReview } from './tiff-calibration';

/** The review of writing each image's sidecar calibration into its header: nothing is written yet. */
export interface CalibrationReview {
  /** What `startCalibration` names to write exactly what was reviewed. */
  reviewId: string;
  /** Each image asked for, in the order asked, paths relative to the open folder. */
  images: ImageReview[];
}

/** The images to review and what to write beside the sidecar's pixel size (as `acqmeta calibrate`'s options). */
export interface CalibrationAsked {
  paths: string[];
  /** The distance between Z planes, in the pixel size's unit. */
  zStep?: number;
  /** The time between frames, in seconds. */
  interval?: number;
  /** One name per channel, in the file's channel order. */
  channels?: string[];
}

/** How far the writes are: images done (written, unchanged or refused), and the one under way. */
export interface CalibrationProgress {
  done: number;
  total: number;
  current: string;
}

/** What became of one image of the job. */
export interface CalibratedImage {
  /** The image, relative to the open folder. */
  path: string;
  outcome: CalibrationOutcome;
}

/** What an ended job did, image by image in the order reviewed. */
export interface CalibrationSummary {
  images: CalibratedImage[];
  /** Cancelled before the last image: those not begun are `cancelled` and untouched. */
  cancelled: boolean;
}

/** The methods of calibration in image files: request and response types. */
export interface CalibrationMethods {
  /**
   * Reads the headers of `paths` (relative to the open folder) and says what writing their
   * sidecars' pixel size, with the z step, frame interval and channel names given, would change;
   * writes nothing. An image that cannot take one of them is refused, by name.
   */
  reviewCalibration: { request: CalibrationAsked; response: CalibrationReview };
  /**
   * Starts writing the review `reviewId` (the latest one); progress and the summary arrive as
   * `calibrate-progress` and `calibrate-done` tagged with `jobId`. CONFLICT when that review is
   * not the latest of the open folder. An image whose header changed since is not written.
   */
  startCalibration: { request: { reviewId: string }; response: { jobId: string } };
  /** Stops the writes between two files (each file done or untouched); false when none ran. */
  cancelCalibration: { request: { jobId: string }; response: { cancelled: boolean } };
  /**
   * Undoes the header write of journal record `id` byte for byte, journaled, as `acqmeta restore
   * --undo` does; NOT_FOUND when no header write has that id, CONFLICT when a later write changed
   * the header since or the file no longer holds what that write left.
   */
  undoHeaderWrite: { request: { id: string }; response: { path: string } };
}
