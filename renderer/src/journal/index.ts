/**
 * The change journal seen from the app: the timeline of actions, and restoring sidecars and
 * channel tables from it.
 */
import { lazyComponent } from '../lib/lazy-component';

export {
  createJournalSlice,
  imageJournalKey,
  selectImageJournal,
  type JournalSlice,
  type JournalView,
  type RestoreTarget,
} from './journal-slice';
/** The `JournalTimelineDialog` of `journal-timeline-dialog.tsx`, fetched when it is first drawn. */
export const JournalTimelineDialog = lazyComponent(() =>
  import('./journal-timeline-dialog').then((m) => m.JournalTimelineDialog),
);
/** The `RestoreReviewDialog` of `restore-review-dialog.tsx`, fetched when it is first drawn. */
export const RestoreReviewDialog = lazyComponent(() =>
  import('./restore-review-dialog').then((m) => m.RestoreReviewDialog),
);
/** The `TableRestoreDialog` of `table-restore-dialog.tsx`, fetched when it is first drawn. */
export const TableRestoreDialog = lazyComponent(() =>
  import('./table-restore-dialog').then((m) => m.TableRestoreDialog),
);
export { createTableRestoreSlice, type TableRestoreSlice } from './table-restore-slice';
export { JournalProblems, JournalReadState } from './journal-read-state';
export { RestoreButtons } from './restore-buttons';
