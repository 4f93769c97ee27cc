/**
 * The change journal in the editor: the records of the image the History section shows, the
 * timeline of the folder's (or the selection's) actions, and restoring from them. A restore is
 * an ordinary edit: one {@link EditsSlice.applyFieldInputs} step, saved with Save like any other.
 */
import type { StateCreator } from 'zustand/vanilla';
import {
  actionName,
  restoreBefore,
  restoresOf,
  type ChannelTableRecord,
  type HeaderWriteRecord,
  type InstrumentFileRecord,
  type JournalRecord,
  type RestoreChanges,
} from '../../../shared/journal';
import type { AppState } from '../store';
import { plural } from '../lib/format';
import { fieldLabel } from '../lib/journal-format';
import { restorePlan, skippedText } from './journal-restore-plan';
import { chosenRestores, restoreReview, type RestoreMode, type RestoreReview } from './journal-review';

/** Journal records as read: oldest first, with the lines that could not be read. */
export interface JournalView {
  status: 'loading' | 'ready' | 'failed';
  records: readonly JournalRecord[];
  /** Unreadable journal lines, in words. */
  problems: readonly string[];
  /** Why it could not be read, when it failed. */
  error: string | null;
  /** The folder's channel table writes, oldest first (read for the whole folder's history only). */
  tables?: readonly ChannelTableRecord[];
  /** The calibrations written into the images' own headers, oldest first. */
  headers?: readonly HeaderWriteRecord[];
  /** The folder's description and dataset file writes, oldest first (read for the whole folder's history only). */
  instruments?: readonly InstrumentFileRecord[];
}

/** A batch or one record, to restore to before it; `field` limits it to one field. */
export type RestoreTarget =
  { record: JournalRecord; field?: string } | { batch: string; action: string; field?: string };

/** Journal state and actions. */
export interface JournalSlice {
  /** The History section is unfolded (for this session). */
  historyOpen: boolean;
  setHistoryOpen(open: boolean): void;
  /** The records of the image the History section shows, and what they were read for. */
  imageJournal: { key: string; view: JournalView } | null;
  /** Reads the records of `path`, unless read already for its sidecar as it is now. */
  loadImageJournal(path: string): Promise<void>;
  /** The timeline dialog, while open: the images it is about (null: the folder) and the folder's journal. */
  timeline: { paths: readonly string[] | null; view: JournalView } | null;
  /** Opens the timeline of `paths` (null: the whole folder) and reads the journal. */
  openTimeline(paths: readonly string[] | null): Promise<void>;
  closeTimeline(): void;
  /**
   * Puts the images `target` wrote back to their state before it (undoing later records too):
   * pending edits in one undo step, with a notice naming images left out. Resolves with the
   * number of fields changed.
   */
  restoreFromJournal(target: RestoreTarget): Promise<number>;
  /** The review of an undo or a restore to a point in time, while open (see `journal-review.ts`). */
  restoreReview: RestoreReview | null;
  /** Reads the journal and opens the review of undoing `target` alone, or of restoring to before it. */
  reviewRestore(target: RestoreTarget, mode: RestoreMode): Promise<void>;
  /** Applies the review open, the contested fields whose keys are in `taken` taken back too: one undo step. */
  confirmRestore(taken: ReadonlySet<string>): number;
  closeRestoreReview(): void;
}

const LOADING: JournalView = { status: 'loading', records: [], problems: [], error: null };

/** What the records of `path` are read for: the folder, the image, its sidecar's version and the header writes made. */
export function imageJournalKey(s: Pick<AppState, 'folder' | 'rows' | 'headerWrites'>, path: string): string {
  return [s.folder?.root ?? '', path, s.rows[path]?.version?.sha256 ?? '', s.headerWrites].join('\u0000');
}

/** The records of `path` as the History section shows them; null until read for its sidecar as it is. */
export function selectImageJournal(s: AppState, path: string): JournalView | null {
  return s.imageJournal?.key === imageJournalKey(s, path) ? s.imageJournal.view : null;
}

/** The undo step's name: `Restore Genotype`, `Restore before “Import annotations.csv”`. */
function restoreAction(target: RestoreTarget): string {
  if (target.field !== undefined) return `Restore ${fieldLabel(target.field)}`;
  return `Restore before “${'record' in target ? target.record.action : target.action}”`;
}

/** Creates the journal slice. */
export const createJournalSlice: StateCreator<AppState, [], [], JournalSlice> = (set, get) => {
  /** The journal's records of `query`, as a view. */
  async function read(query: { paths?: string[]; batch?: string }): Promise<JournalView> {
    const result = await get().client.getJournal(query);
    return result.ok
      ? {
          status: 'ready',
          records: result.payload.records,
          problems: result.payload.problems,
          error: null,
          ...(result.payload.tables === undefined ? {} : { tables: result.payload.tables }),
          ...(result.payload.headers === undefined ? {} : { headers: result.payload.headers }),
          ...(result.payload.instruments === undefined ? {} : { instruments: result.payload.instruments }),
        }
      : { status: 'failed', records: [], problems: [], error: result.error.message };
  }

  /** The records of the images `target` wrote, all of them, read now, and its id (null: they could not be read). */
  async function recordsFor(target: RestoreTarget): Promise<{ records: readonly JournalRecord[]; id: string } | null> {
    if ('record' in target) {
      const view = await read({ paths: [target.record.path] });
      return view.status === 'failed' ? null : { records: view.records, id: target.record.id };
    }
    const batch = await read({ batch: target.batch });
    if (batch.status === 'failed') return null;
    const paths = [...new Set(batch.records.map((r) => r.path))];
    const view = paths.length === 0 ? batch : await read({ paths });
    return view.status === 'failed' ? null : { records: view.records, id: target.batch };
  }

  /** What puts back the images `target` wrote, from their records read now (null: it could not be read). */
  async function restoresFor(target: RestoreTarget): Promise<RestoreChanges[] | null> {
    const found = await recordsFor(target);
    if (found === null) return null;
    if (!('record' in target)) return restoresOf(found.records, found.id, target.field) ?? [];
    const record = found.records.find((r) => r.id === found.id);
    const restore = record && restoreBefore(found.records, record, target.field);
    return restore ? [restore] : [];
  }

  /** Applies `restores` as one undo step named `action`, with notices; the number of fields changed. */
  function applyRestores(restores: readonly RestoreChanges[], action: string): number {
    const s = get();
    const plan = restorePlan(restores, s.rows);
    const changed = s.applyFieldInputs(action, plan.inputs, { removeSidecars: plan.removals });
    if (plan.skipped.length > 0) s.notify('error', skippedText(plan.skipped));
    const step = get().history.past.at(-1);
    const removed = step === s.history.past.at(-1) ? 0 : (step?.removals?.length ?? 0);
    if (changed > 0 || removed > 0) {
      const images = new Set(step?.changes.map((change) => change.path)).size;
      const parts = [
        changed > 0 ? `Restored ${plural(changed, 'field')} on ${plural(images, 'image')}` : null,
        removed > 0 ? `${plural(removed, 'sidecar')} AcqMeta created marked for removal` : null,
      ];
      const save = changed > 0 ? 'Save writes them' : `Save removes ${removed === 1 ? 'it' : 'them'}`;
      s.notify('success', `${parts.filter((p) => p !== null).join('; ')}; ${save}.`);
    } else if (plan.skipped.length === 0) {
      s.notify('success', 'Nothing to restore: the values are already as they were.');
    }
    return changed;
  }

  return {
    historyOpen: false,
    imageJournal: null,
    timeline: null,

    setHistoryOpen: (historyOpen) => set({ historyOpen }),

    loadImageJournal: async (path) => {
      const key = imageJournalKey(get(), path);
      const current = get().imageJournal;
      if (current?.key === key && current.view.status !== 'failed') return;
      set({ imageJournal: { key, view: current?.key === key ? current.view : LOADING } });
      const view = await read({ paths: [path] });
      if (get().imageJournal?.key === key) set({ imageJournal: { key, view } });
    },

    openTimeline: async (paths) => {
      const timeline = { paths, view: LOADING };
      set({ timeline });
      const view = await read({});
      if (get().timeline === timeline) set({ timeline: { paths, view } });
    },

    closeTimeline: () => set({ timeline: null }),

    restoreFromJournal: async (target) => {
      const restores = await restoresFor(target);
      if (restores !== null) return applyRestores(restores, restoreAction(target));
      get().notify('error', 'The change journal could not be read, so nothing was restored.');
      return 0;
    },

    restoreReview: null,

    reviewRestore: async (target, mode) => {
      const found = await recordsFor(target);
      const action = 'record' in target ? actionName([target.record]) : target.action;
      const names = { action, ...(target.field === undefined ? {} : { field: target.field }) };
      const review = found && restoreReview(found.records, found.id, mode, names);
      if (review === null) get().notify('error', 'The change journal could not be read, so nothing was restored.');
      else set({ restoreReview: review });
    },

    confirmRestore: (taken) => {
      const review = get().restoreReview;
      if (review === null) return 0;
      set({ restoreReview: null, timeline: null });
      return applyRestores(chosenRestores(review, taken), review.step);
    },

    closeRestoreReview: () => set({ restoreReview: null }),
  };
};
