/**
 * The change journal seen from the app: the timeline of actions, and restoring sidecars and
 * channel tables from it.
 */
export {
  createJournalSlice,
  imageJournalKey,
  selectImageJournal,
  type JournalSlice,
  type JournalView,
  type RestoreTarget,
} from './journal-slice';
export { JournalTimelineDialog } from './journal-timeline-dialog';
export { RestoreReviewDialog } from './restore-review-dialog';
export { TableRestoreDialog } from './table-restore-dialog';
export { createTableRestoreSlice, type TableRestoreSlice } from './table-restore-slice';
export { JournalProblems, JournalReadState } from './journal-read-state';
export { RestoreButtons } from './restore-buttons';
