/**
 * Files whose save found them changed on disk, and the user's answer for each: reload their
 * file (dropping my edits to it), overwrite it with mine (only the fields I edited, written
 * over their file as it is now), or keep editing. The dialog compares, field by field, the
 * value both started from, theirs and mine.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ImageRow } from '../../../../shared/api';
import type { AppState } from '../app-store';
import { changesOf } from '../logic/edit-logic';
import type { Loadable } from './detail-slice';

/** A file whose save found it changed on disk. */
export interface Conflict {
  path: string;
  message: string;
}

/** Conflicts and the actions answering them. */
export interface ConflictSlice {
  /** Conflicts waiting for an answer; the dialog shows the first. */
  conflicts: readonly Conflict[];
  /** Their version of conflicting files, read for the comparison. */
  theirs: Readonly<Record<string, Loadable<ImageRow>>>;
  /** Adds conflicts (a file already waiting is not asked about twice). */
  queueConflicts(conflicts: readonly Conflict[]): void;
  /** Reads their version of a conflicting file, unless it is read already. */
  loadTheirs(path: string): Promise<void>;
  /** Answers the first conflict. */
  resolveConflict(choice: 'theirs' | 'mine' | 'cancel'): Promise<void>;
}

/** Creates the conflict slice. */
export const createConflictSlice: StateCreator<AppState, [], [], ConflictSlice> = (set, get) => ({
  conflicts: [],
  theirs: {},

  queueConflicts: (incoming) => {
    if (incoming.length === 0) return;
    const paths = new Set(incoming.map((c) => c.path));
    set((s) => {
      const theirs = { ...s.theirs };
      for (const path of paths) delete theirs[path];
      return { conflicts: [...s.conflicts.filter((c) => !paths.has(c.path)), ...incoming], theirs };
    });
  },

  loadTheirs: async (path) => {
    if (get().theirs[path]) return;
    set((s) => ({ theirs: { ...s.theirs, [path]: { status: 'loading' } } }));
    const result = await get().client.reloadRow({ path });
    const value: Loadable<ImageRow> = result.ok
      ? { status: 'ready', value: result.payload }
      : { status: 'error', message: result.error.message };
    set((s) => ({ theirs: { ...s.theirs, [path]: value } }));
  },

  resolveConflict: async (choice) => {
    const conflict = get().conflicts[0];
    if (!conflict) return;
    const { path } = conflict;
    const next = () =>
      set((s) => {
        const theirs = { ...s.theirs };
        delete theirs[path];
        return { conflicts: s.conflicts.filter((c) => c.path !== path), theirs };
      });
    if (choice === 'cancel') return next();
    if (choice === 'theirs') {
      const result = await get().client.reloadRow({ path });
      if (!result.ok) return get().notify('error', result.error.message);
      get().addRows([result.payload]);
      get().dropEdits([path]);
      get().forgetImage(path);
      return next();
    }
    const row = get().rows[path];
    next();
    if (!row) return;
    // Only what I edited goes over their file as it is now; the backend re-reads it and skips the version check.
    const done = await get().writeSaves([
      { path, changes: changesOf(row, get().edits[path]), expected: row.version, overwrite: true },
    ]);
    if (done && done.saved > 0) get().notify('success', `Saved ${path}.`);
    else if (done) for (const failure of done.failures) get().notify('error', failure.message);
  },
});
