/**
 * Writing the curated calibration into the image files' own headers: the dialog, its review and
 * the one job it starts.
 */
export { CalibrateDialogView } from './calibrate-dialog';
export { createCalibrateSlice, type CalibrateEvent, type CalibrateSlice } from './calibrate-slice';
