/**
 * Saving: the review before a save, the report after it, and the conflicts and damaged sidecars
 * a save can meet.
 */
import { lazyComponent } from '../lib/lazy-component';

/** The `ConflictDialog` of `conflict-dialog.tsx`, fetched when it is first drawn. */
export const ConflictDialog = lazyComponent(() => import('./conflict-dialog').then((m) => m.ConflictDialog));
export { FieldChecklist } from './field-checklist';
/** The `FileConflictDialog` of `file-conflict-dialog.tsx`, fetched when it is first drawn. */
export const FileConflictDialog = lazyComponent(() =>
  import('./file-conflict-dialog').then((m) => m.FileConflictDialog),
);
/** The `RebuildDialog` of `rebuild-dialog.tsx`, fetched when it is first drawn. */
export const RebuildDialog = lazyComponent(() => import('./rebuild-dialog').then((m) => m.RebuildDialog));
/** The `ReviewDialog` of `review-dialog.tsx`, fetched when it is first drawn. */
export const ReviewDialog = lazyComponent(() => import('./review-dialog').then((m) => m.ReviewDialog));
/** The `SaveReportDialog` of `save-report-dialog.tsx`, fetched when it is first drawn. */
export const SaveReportDialog = lazyComponent(() => import('./save-report-dialog').then((m) => m.SaveReportDialog));
