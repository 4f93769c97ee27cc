/**
 * Undo and redo over the one history every edit is recorded in (see edits-slice.ts). Undoing
 * shows each field's earlier content as a pending edit (or drops the edit where that is what is
 * stored), so it also takes back changes that were saved meanwhile: saving writes them back.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from '../app-store';
import { applyEdits, isAbsent, isEditable, restoredEdit, type EditUpdate } from '../logic/edit-logic';
import { describeStep, EMPTY_HISTORY, type FieldChange, type History, type HistoryStep } from '../logic/history';

/** The history and the actions that walk it. */
export interface HistorySlice {
  history: History;
  /** Takes back the last step; false when there is none. */
  undo(): boolean;
  /** Does again the last step undone; false when there is none. */
  redo(): boolean;
}

/** The menu text of the next undo and redo, e.g. `Undo Genotype on 40 images`; null when there is none. */
export function selectUndoLabels(s: Pick<AppState, 'history'>): { undo: string | null; redo: string | null } {
  const undo = s.history.past.at(-1);
  const redo = s.history.future[0];
  return { undo: undo ? `Undo ${describeStep(undo)}` : null, redo: redo ? `Redo ${describeStep(redo)}` : null };
}

/** Creates the history slice. */
export const createHistorySlice: StateCreator<AppState, [], [], HistorySlice> = (set, get) => {
  /** Shows one side of a step's changes on the images that can still be edited. */
  function show(changes: readonly FieldChange[], side: 'before' | 'after'): void {
    set((s) => {
      const updates: EditUpdate[] = [];
      for (const change of changes) {
        const row = s.rows[change.path];
        if (row && isEditable(row)) {
          updates.push({
            path: change.path,
            name: change.name,
            edit: restoredEdit(change[side], row.values[change.name], isAbsent(row, change.name)),
          });
        }
      }
      return { edits: applyEdits(s.edits, updates) };
    });
  }

  function walk(from: 'past' | 'future'): HistoryStep | null {
    const { history } = get();
    const step = from === 'past' ? history.past.at(-1) : history.future[0];
    if (!step) return null;
    show(step.changes, from === 'past' ? 'before' : 'after');
    set((s) => ({
      history:
        from === 'past'
          ? { past: s.history.past.slice(0, -1), future: [step, ...s.history.future] }
          : { past: [...s.history.past, step], future: s.history.future.slice(1) },
    }));
    return step;
  }

  return {
    history: EMPTY_HISTORY,
    undo: () => {
      const step = walk('past');
      if (step) get().notify('success', `Undone: ${describeStep(step)}.`);
      return step !== null;
    },
    redo: () => {
      const step = walk('future');
      if (step) get().notify('success', `Redone: ${describeStep(step)}.`);
      return step !== null;
    },
  };
};
