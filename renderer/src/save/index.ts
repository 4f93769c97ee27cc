/**
 * Saving: the review before a save, the report after it, and the conflicts and damaged sidecars
 * a save can meet.
 */
export { ConflictDialog } from './conflict-dialog';
export { FieldChecklist } from './field-checklist';
export { FileConflictDialog } from './file-conflict-dialog';
export { RebuildDialog } from './rebuild-dialog';
export { ReviewDialog } from './review-dialog';
export { SaveReportDialog } from './save-report-dialog';
