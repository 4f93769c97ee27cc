/**
 * Repository submissions from the app: the layout check and the submission export with its to-do.
 */
import { lazyComponent } from '../lib/lazy-component';

/** The `LayoutCheckDialog` of `layout-check-dialog.tsx`, fetched when it is first drawn. */
export const LayoutCheckDialog = lazyComponent(() => import('./layout-check-dialog').then((m) => m.LayoutCheckDialog));
export { createLayoutCheckSlice, type LayoutCheckSlice } from './layout-check-slice';
/** The `SubmissionExportDialog` of `submission-export-dialog.tsx`, fetched when it is first drawn. */
export const SubmissionExportDialog = lazyComponent(() =>
  import('./submission-export-dialog').then((m) => m.SubmissionExportDialog),
);
export { createSubmissionExportSlice, type SubmissionExportSlice } from './submission-export-slice';
