/** Saving pending edits, in batches of requests for the changed files, and answering conflicts. */
import type { StateCreator } from 'zustand/vanilla';
import type { ImageRow, SaveOutcome, SaveRequest } from '../../../shared/api';
import type { AppState } from './app-store';
import type { Conflict } from './dialog-slice';
import { applyEdits, changesOf, isChange, type EditMap, type EditUpdate, type PathEdits } from './edit-logic';
import { effectiveValues } from './field-state';
import { plural } from '../lib/format';
import { selectSaveSummary } from './selectors';

/** Save state and actions. */
export interface SaveSlice {
  saving: boolean;
  /** Files written so far of those being saved, while saving (large folders save in batches). */
  saveProgress: { done: number; total: number } | null;
  /**
   * Saves every image with valid changes. Resolves true when nothing is left unsaved;
   * false when values are invalid, a file conflicts (the dialog asks) or a save failed.
   */
  saveAll(): Promise<boolean>;
  /** Answers the first conflict: reload their file, overwrite it with my edits, or keep editing. */
  resolveConflict(choice: 'theirs' | 'mine' | 'cancel'): Promise<void>;
}

/** Failures listed one by one before the rest are counted. */
const LISTED_FAILURES = 3;

/** Files per `saveSidecars` request, so a save of thousands of files shows its progress. */
export const SAVE_BATCH = 500;

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
  /** Applies per-file outcomes in one update; returns how many saved and how many did not. */
  function applyOutcomes(outcomes: readonly SaveOutcome[], sent: EditMap): { saved: number; failed: number } {
    const saved: ImageRow[] = [];
    const conflicts: Conflict[] = [];
    const errors: string[] = [];
    for (const outcome of outcomes) {
      if (outcome.ok) saved.push(outcome.row);
      else if (outcome.error.code === 'CONFLICT') conflicts.push({ path: outcome.path, message: outcome.error.message });
      else errors.push(outcome.error.message);
    }
    get().addRows(saved);
    const conflicted = new Set(conflicts.map((c) => c.path));
    set((s) => ({
      edits: applyEdits(s.edits, savedEditRemovals(s.edits, sent, saved.map((row) => row.path))),
      conflicts: conflicts.length === 0 ? s.conflicts : [...s.conflicts.filter((c) => !conflicted.has(c.path)), ...conflicts],
    }));
    for (const message of errors.slice(0, LISTED_FAILURES)) get().notify('error', message);
    if (errors.length > LISTED_FAILURES) get().notify('error', `${plural(errors.length - LISTED_FAILURES, 'more file')} could not be saved.`);
    return { saved: saved.length, failed: conflicts.length + errors.length };
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

  /** Sends the saves in batches; null when the first batch could not reach the backend. */
  async function send(saves: SaveRequest[], sent: EditMap): Promise<{ saved: number; failed: number } | null> {
    const done = { saved: 0, failed: 0 };
    set({ saving: true, saveProgress: { done: 0, total: saves.length } });
    try {
      for (let start = 0; start < saves.length; start += SAVE_BATCH) {
        const result = await get().client.saveSidecars({ saves: saves.slice(start, start + SAVE_BATCH) });
        if (!result.ok) {
          get().notify('error', result.error.message);
          return start === 0 ? null : { saved: done.saved, failed: done.failed + saves.length - start };
        }
        const outcome = applyOutcomes(result.payload, sent);
        done.saved += outcome.saved;
        done.failed += outcome.failed;
        set({ saveProgress: { done: Math.min(saves.length, start + SAVE_BATCH), total: saves.length } });
      }
      return done;
    } finally {
      set({ saving: false, saveProgress: null });
    }
  }

  /**
   * "Overwrite with mine": the file ends up with every editable value as this window shows it.
   * Their file is read again so that only the values that differ are written (unchanged lines
   * stay as they are); when it cannot be read, my pending changes are written over it.
   */
  async function overwriteRequest(row: ImageRow, edits: PathEdits | undefined): Promise<SaveRequest> {
    const theirs = await get().client.reloadRow({ path: row.path });
    if (!theirs.ok) return { path: row.path, changes: changesOf(row, edits), expected: row.version, overwrite: true };
    const mine = effectiveValues(row, edits);
    const changes = Object.fromEntries(Object.entries(mine).filter(([name, value]) => theirs.payload.values[name] !== value));
    return { path: row.path, changes, expected: theirs.payload.version, overwrite: true };
  }

  return {
    saving: false,
    saveProgress: null,

    saveAll: async () => {
      if (get().saving) return false;
      const summary = selectSaveSummary(get());
      if (summary.invalid > 0) {
        get().notify('error', `Fix ${plural(summary.invalid, 'invalid value')} to save.`, {
          key: 'save-invalid',
          resolved: (st) => selectSaveSummary(st).invalid === 0,
        });
        return false;
      }
      dropNoOps();
      const { rows, edits } = get();
      const saves: SaveRequest[] = [];
      for (const path of Object.keys(edits)) {
        const row = rows[path];
        if (row) saves.push({ path, changes: changesOf(row, edits[path]), expected: row.version });
      }
      if (saves.length === 0) return true;
      const done = await send(saves, edits);
      if (!done) return false;
      if (done.saved > 0) get().notify('success', `Saved ${plural(done.saved, 'file')}.`);
      return done.failed === 0;
    },

    resolveConflict: async (choice) => {
      const conflict = get().conflicts[0];
      if (!conflict) return;
      const { path } = conflict;
      const next = () => set((s) => ({ conflicts: s.conflicts.filter((c) => c.path !== path) }));
      if (choice === 'cancel') return next();
      if (choice === 'theirs') {
        const result = await get().client.reloadRow({ path });
        if (!result.ok) return get().notify('error', result.error.message);
        get().addRows([result.payload]);
        get().dropEdits([path]);
        get().forgetImage(path);
        return next();
      }
      const { rows, edits } = get();
      const row = rows[path];
      next();
      if (!row) return;
      const done = await send([await overwriteRequest(row, edits[path])], edits);
      if (done && done.saved > 0) get().notify('success', `Saved ${path}.`);
    },
  };
};
