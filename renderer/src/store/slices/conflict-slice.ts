/**
 * Files whose save found them changed on disk, and the user's answer for each: reload their
 * file (dropping my edits to it), overwrite it with mine (only the fields I edited, written
 * over their file as it is now), or keep editing. The dialog compares, field by field, the
 * value both started from, theirs and mine. A file found damaged (no longer readable) may be
 * replaced by the version read plus my edits, the damaged file kept beside it.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ImageRow } from '../../../../shared/api';
import type { AppState } from '../../app-store';
import { changesKeeping } from '../logic/disk-differences';
import { applyEdits } from '../logic/edit-logic';
import type { Loadable } from './detail-slice';

/** A file whose save found it changed on disk. */
export interface Conflict {
  path: string;
  message: string;
  /** `changed`: another program wrote it; `damaged`: it can no longer be read. */
  kind: 'changed' | 'damaged';
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
  /**
   * Answers the first conflict. With `mine`, the fields in `keepTheirs` keep their value (my
   * edits of them are dropped) and my other edits are written over their file.
   */
  resolveConflict(choice: 'theirs' | 'mine' | 'cancel', keepTheirs?: ReadonlySet<string>): Promise<void>;
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

  resolveConflict: async (choice, keepTheirs = new Set()) => {
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
    const row = get().rows[path];
    const changes = row ? changesKeeping(row, get().edits[path], keepTheirs) : {};
    const nothingOfMine = conflict.kind === 'changed' && Object.keys(changes).length === 0;
    if (choice === 'theirs' || nothingOfMine) {
      const result = await get().client.reloadRow({ path });
      if (!result.ok) return get().notify('error', result.error.message);
      get().addRows([result.payload]);
      get().dropEdits([path]);
      get().forgetImage(path);
      return next();
    }
    next();
    if (!row) return;
    // The fields whose value of theirs is kept lose my edits; the save writes the rest.
    set((s) => ({
      edits: applyEdits(
        s.edits,
        [...keepTheirs].map((name) => ({ path, name, edit: null })),
      ),
    }));
    // Changed: only what I edited goes over their file as it is now (the backend re-reads it and
    // skips the version check). Damaged: the version read, with my edits, replaces it.
    const done = await get().writeSaves([
      conflict.kind === 'damaged'
        ? { path, changes, expected: row.version, replaceDamaged: row.values }
        : { path, changes, expected: row.version, overwrite: true },
    ]);
    if (done && done.saved > 0 && conflict.kind === 'changed') get().notify('success', `Saved ${path}.`);
    else if (done) for (const failure of done.failures) get().notify('error', failure.message);
  },
});
