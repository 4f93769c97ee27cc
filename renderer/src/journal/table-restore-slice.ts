/**
 * Restoring a channel table from History: the review of `planChannelTableRestore` (the rows put
 * back or taken out by Channel ID, the table removed, or why it cannot be done), then the
 * write, checked again by the backend and journaled. It is written at once, not an undo step:
 * a table restore is taken back by restoring to before the restore's own record. The History
 * list is read again to show that record; the rows and the table's checks follow the file
 * through the folder watch, as after a save from the Channel table dialog.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ChannelTableRestorePlan } from '../../../shared/api';
import type { AppState } from '../store';

/** The review open: the record, its plan once read, and why the read or the restore failed. */
export interface TableRestoreReview {
  id: string;
  /** Null while it is being read. */
  plan: ChannelTableRestorePlan | null;
  writing: boolean;
  /** Why the plan could not be read or the restore was refused when written; null when neither. */
  failure: string | null;
}

/** Channel table restore state and actions. */
export interface TableRestoreSlice {
  tableRestore: TableRestoreReview | null;
  /** Opens the review of restoring the table of record `id` to before it, and plans it. */
  reviewTableRestore(id: string): Promise<void>;
  /** Restores as reviewed; false, with the reason in the review, when nothing was written. */
  confirmTableRestore(): Promise<boolean>;
  closeTableRestore(): void;
}

/** Creates the channel table restore slice. */
export const createTableRestoreSlice: StateCreator<AppState, [], [], TableRestoreSlice> = (set, get) => {
  /** Updates the review of `id` while it is still the one open. */
  const update = (id: string, part: Partial<TableRestoreReview>) => {
    const review = get().tableRestore;
    if (review?.id === id) set({ tableRestore: { ...review, ...part } });
  };

  return {
    tableRestore: null,

    reviewTableRestore: async (id) => {
      set({ tableRestore: { id, plan: null, writing: false, failure: null } });
      const result = await get().client.planChannelTableRestore({ id });
      update(id, result.ok ? { plan: result.payload } : { failure: result.error.message });
    },

    confirmTableRestore: async () => {
      const review = get().tableRestore;
      const plan = review?.plan;
      if (!review || !plan || plan.refusal !== null || review.writing) return false;
      update(review.id, { writing: true, failure: null });
      const result = await get().client.restoreChannelTable({ id: review.id, expected: plan.expected });
      if (!result.ok) {
        update(review.id, { writing: false, failure: result.error.message });
        return false;
      }
      if (get().tableRestore?.id === review.id) set({ tableRestore: null });
      get().notify('success', `Restored ${result.payload.file} to before “${plan.action}”.`);
      const timeline = get().timeline;
      if (timeline !== null) await get().openTimeline(timeline.paths);
      return true;
    },

    closeTableRestore: () => {
      if (!get().tableRestore?.writing) set({ tableRestore: null });
    },
  };
};
