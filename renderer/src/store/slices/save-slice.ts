/**
 * Saving pending edits: a review before writing several files, batched requests with progress,
 * and a report naming every file that failed and why, with a retry. Images with an invalid value
 * are held back whole; the others are saved.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ErrorCode, ImageRow, SaveOutcome, SaveRequest } from '../../../../shared/api';
import { saveBatches, sendSaveBatches } from '../../../../shared/save-batches';
import type { AppState } from '../../app-store';
import type { Conflict } from './conflict-slice';
import { applyEdits, isChange, rowHasChanges, type EditMap, type EditUpdate } from '../logic/edit-logic';
import { plural } from '../../lib/format';
import { planSave, type SavePlan } from '../logic/save-plan';
import { dropRemovals } from '../logic/sidecar-removals';

/** A file that could not be saved, and why. */
export interface SaveFailure {
  path: string;
  code: ErrorCode;
  message: string;
}

/** How a save ended, when something did not go through. */
export interface SaveReport {
  saved: number;
  failures: SaveFailure[];
  /** Images not sent because one of their values is invalid. */
  held: number;
}

/** Save state and actions. */
export interface SaveSlice {
  saving: boolean;
  /** Files written so far of those being saved. */
  saveProgress: { done: number; total: number } | null;
  /** The plan the review dialog shows, waiting for "Save" or "Cancel". */
  review: SavePlan | null;
  /** The last save's failures, for the report dialog. */
  saveReport: SaveReport | null;
  /** Saves of more files than this are reviewed first (1: every save of several files). */
  reviewAbove: number;
  /**
   * The user's Save (button, Ctrl+S, menu): shows the review when it is due, else saves. With
   * `create`, the images of `paths` without a sidecar get one even with no edit (“Create sidecar”).
   */
  requestSave(paths?: readonly string[], create?: boolean): Promise<void>;
  /**
   * Saves every image whose edits are valid, without a review (the leave-with-unsaved prompts
   * already asked). Resolves true when nothing is left unsaved.
   */
  saveAll(): Promise<boolean>;
  /** "Save N files" in the review. */
  confirmReview(): Promise<void>;
  cancelReview(): void;
  /** Saves again the failed files of the report that did not conflict. */
  retryFailed(): Promise<void>;
  closeSaveReport(): void;
  setReviewAbove(files: number): void;
  /**
   * “Save without the BOM”: writes the sidecar of `path`, read with a byte order mark that
   * CloudScope refuses, without it; with its unsaved edits when it has any.
   */
  saveWithoutByteOrderMark(path: string): Promise<void>;
  /** Sends saves in batches and applies their outcomes; null when the backend could not be reached. */
  writeSaves(saves: readonly SaveRequest[]): Promise<{ saved: number; failures: SaveFailure[] } | null>;
}

/**
 * The question a failed save asks: a file changed on disk since it was read, or one now damaged
 * whose version read (a valid row) the app still holds. Other failures are only reported.
 */
function asConflict(failure: SaveFailure, row: ImageRow | undefined): Conflict[] {
  const { path, message } = failure;
  if (failure.code === 'CONFLICT') return [{ path, message, kind: 'changed' }];
  if (failure.code === 'INVALID_SIDECAR' && row?.sidecar === 'ok') return [{ path, message, kind: 'damaged' }];
  return [];
}

/** Updates that remove the saved edits still exactly as sent, keeping anything typed since. */
function savedEditRemovals(edits: EditMap, sent: EditMap, paths: readonly string[]): EditUpdate[] {
  const updates: EditUpdate[] = [];
  for (const path of paths) {
    for (const [name, edit] of Object.entries(edits[path] ?? {})) {
      if (sent[path]?.[name] === edit) updates.push({ path, name, edit: null });
    }
  }
  return updates;
}

/** Creates the save slice. */
export const createSaveSlice: StateCreator<AppState, [], [], SaveSlice> = (set, get) => {
  /** Applies one batch's outcomes in one update. */
  function applyOutcomes(outcomes: readonly SaveOutcome[], sent: EditMap): { saved: number; failures: SaveFailure[] } {
    const saved: ImageRow[] = [];
    const failures: SaveFailure[] = [];
    for (const outcome of outcomes) {
      if (outcome.ok) saved.push(outcome.row);
      else failures.push({ path: outcome.path, code: outcome.error.code, message: outcome.error.message });
      if (outcome.ok && outcome.damagedKeptAs !== undefined)
        get().notify(
          'success',
          `Saved ${outcome.path}. The damaged file is kept beside it as ${outcome.damagedKeptAs}.`,
        );
    }
    get().addRows(saved);
    get().actionsSinceSave.forget(saved.map((row) => row.path));
    const removals = dropRemovals(
      get().removals,
      outcomes.map((o) => o.path),
    );
    set((s) => ({
      removals: removals.removals,
      edits: applyEdits(
        s.edits,
        savedEditRemovals(
          s.edits,
          sent,
          saved.map((row) => row.path),
        ),
      ),
    }));
    // a removal refused has nothing of mine to write over theirs: the report names it, no question is asked
    const asked = failures.filter((failure) => !removals.pending.includes(failure.path));
    get().queueConflicts(asked.flatMap((failure) => asConflict(failure, get().rows[failure.path])));
    return { saved: saved.length, failures };
  }

  /** Drops edits that no longer change anything (e.g. a value typed back to what is stored). */
  function dropNoOps(): void {
    set((s) => {
      const updates: EditUpdate[] = [];
      for (const [path, pathEdits] of Object.entries(s.edits)) {
        const row = s.rows[path];
        for (const [name, edit] of Object.entries(pathEdits)) {
          if (!row || !isChange(edit, row.values[name])) updates.push({ path, name, edit: null });
        }
      }
      return { edits: applyEdits(s.edits, updates) };
    });
  }

  /** Saves a plan and tells how it went: a notice when all went well, the report otherwise. */
  async function run(plan: SavePlan): Promise<boolean> {
    const done = plan.saves.length === 0 ? { saved: 0, failures: [] } : await get().writeSaves(plan.saves);
    if (done === null) return false;
    const { saved, failures } = done;
    const onlyOneConflict =
      failures.length === 1 && get().conflicts.some((c) => c.path === failures[0]!.path) && plan.held === 0;
    if (failures.length > 0 && !onlyOneConflict) set({ saveReport: { saved, failures, held: plan.held } });
    else if (saved > 0)
      get().notify(
        'success',
        `Saved ${plural(saved, 'file')}.${plan.held > 0 ? ` ${plural(plan.held, 'image')} with invalid values not saved.` : ''}`,
      );
    return failures.length === 0 && plan.held === 0;
  }

  return {
    saving: false,
    saveProgress: null,
    review: null,
    saveReport: null,
    reviewAbove: 1,

    requestSave: async (paths, create = false) => {
      if (get().saving) return;
      dropNoOps();
      // What the lab profile refuses must be known for the values as they are now.
      await get().flushProblemChecks();
      const plan = planSave(get().rows, get().edits, paths, get().liveProblems, create, get().removals);
      if (plan.saves.length === 0 && plan.invalid.length === 0) return;
      // a removal is always reviewed: it takes a file away
      const reviewed = plan.invalid.length > 0 || plan.removed.length > 0 || plan.saves.length > get().reviewAbove;
      if (reviewed) set({ review: plan });
      else await run(plan);
    },

    saveAll: async () => {
      if (get().saving) return false;
      dropNoOps();
      await get().flushProblemChecks();
      return run(planSave(get().rows, get().edits, undefined, get().liveProblems, false, get().removals));
    },

    confirmReview: async () => {
      const plan = get().review;
      set({ review: null });
      if (plan) await run(plan);
    },

    cancelReview: () => set({ review: null }),

    retryFailed: async () => {
      const report = get().saveReport;
      set({ saveReport: null });
      const paths = report?.failures.filter((f) => f.code !== 'CONFLICT').map((f) => f.path) ?? [];
      if (paths.length > 0) await get().requestSave(paths);
    },

    closeSaveReport: () => set({ saveReport: null }),

    saveWithoutByteOrderMark: async (path) => {
      const row = get().rows[path];
      if (get().saving || row === undefined) return;
      if (rowHasChanges(row, get().edits[path] ?? {})) return get().requestSave([path]);
      const done = await get().writeSaves([{ path, changes: {}, expected: row.version, create: true }]);
      if (done === null) return;
      get().forgetImage(path);
      if (done.failures.length > 0) set({ saveReport: { ...done, held: 0 } });
      else get().notify('success', `Saved ${path} without its byte order mark.`);
    },

    setReviewAbove: (files) => set({ reviewAbove: Math.max(1, Math.round(files)) }),

    writeSaves: async (saves) => {
      const done = { saved: 0, failures: [] as SaveFailure[] };
      const sent = get().edits;
      const fail = (batch: readonly SaveRequest[], error: { code: ErrorCode; message: string }): void => {
        done.failures.push(...batch.map((s) => ({ path: s.path, code: error.code, message: error.message })));
      };
      /** The first failed request's error: the batches not sent by then fail with it, unsent. */
      let stopped: { code: ErrorCode; message: string } | null = null;
      /** The first request's error: the backend could not be reached, nothing is reported per file. */
      let unreachable: string | null = null;
      let answered = 0;
      set({ saving: true, saveProgress: { done: 0, total: saves.length } });
      const { actionsSinceSave } = get();
      const journal = { batch: newBatchId() };
      try {
        await sendSaveBatches(
          saveBatches(saves.map((save) => withAction(save, actionsSinceSave.of(save.path)))),
          (batch) => get().client.saveSidecars({ saves: batch, journal }),
          (index, batch, answer) => {
            if (unreachable !== null) return;
            if (answer === null) return fail(batch, stopped as NonNullable<typeof stopped>);
            if (!answer.ok) {
              if (index === 0) unreachable = answer.error.message;
              else fail(batch, (stopped ??= answer.error));
              return;
            }
            const outcome = applyOutcomes(answer.payload, sent);
            done.saved += outcome.saved;
            done.failures.push(...outcome.failures);
            answered += batch.length;
            set({ saveProgress: { done: answered, total: saves.length } });
          },
        );
        if (unreachable !== null) {
          get().notify('error', unreachable);
          return null;
        }
        if (done.failures.length > 1) {
          const position = new Map(saves.map((save, index) => [save.path, index]));
          done.failures.sort((a, b) => (position.get(a.path) ?? 0) - (position.get(b.path) ?? 0));
        }
        return done;
      } finally {
        set({ saving: false, saveProgress: null });
      }
    },
  };
};

/** `save` with the action the change journal records for it (what the user did to the image since its last save). */
function withAction(save: SaveRequest, action: string | undefined): SaveRequest {
  return action === undefined ? save : { ...save, action };
}

/** A fresh id shared by the change-journal records of one save. */
function newBatchId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
