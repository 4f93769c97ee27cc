/**
 * Repository submissions from the app: the layout check and the submission export with its to-do.
 */
export { LayoutCheckDialog } from './layout-check-dialog';
export { createLayoutCheckSlice, type LayoutCheckSlice } from './layout-check-slice';
export { SubmissionExportDialog } from './submission-export-dialog';
export { createSubmissionExportSlice, type SubmissionExportSlice } from './submission-export-slice';
