/**
 * Writing the curated calibration into the image files' own headers: the dialog, its review and
 * the one job it starts.
 */
import { lazyComponent } from '../lib/lazy-component';

/** The `CalibrateDialogView` of `calibrate-dialog.tsx`, fetched when it is first drawn. */
export const CalibrateDialogView = lazyComponent(() => import('./calibrate-dialog').then((m) => m.CalibrateDialogView));
export { createCalibrateSlice, type CalibrateEvent, type CalibrateSlice } from './calibrate-slice';
