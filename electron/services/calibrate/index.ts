/**
 * Calibration written into image files' own headers (`acqmeta calibrate`, the app's "Write
 * calibration into image files…"): the review, the writes with progress and cancel, the
 * recovery of a write cut short, the undo of one, and the header a new sidecar is made from.
 */
export {
  applyCalibration,
  latestHeaderWrites,
  reviewCalibration,
  type CalibrationWrites,
  type ReviewedImage,
} from './calibrate-images';
export { recoverHeaderWrite, undoHeaderWrite, undoRefusal, type Recovered } from './recover-header-writes';
export { tiffHeaderHere } from './tiff-header-here';
