/**
 * Undo and redo over the one history every edit is recorded in (see edits-slice.ts). Undoing
 * shows each field's earlier content as a pending edit (or drops the edit where that is what is
 * stored), so it also takes back changes that were saved meanwhile: saving writes them back. A
 * step that saved a whole file (a channel table) is written back at once; it moves in the
 * history only once the write succeeded, and one such write runs at a time; one that finds the
 * file changed by another program asks what to do (file-conflict-slice.ts). A step that marked
 * sidecars for removal unmarks them on undo; one whose removal Save carried out says that undo
 * does not bring the file back (the removal's record keeps no text to write back).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from '../../app-store';
import { applyEdits, isAbsent, isEditable, restoredEdit, type EditUpdate } from '../logic/edit-logic';
import { moveStep } from '../logic/history-moves';
import { describeStep, EMPTY_HISTORY, type FieldChange, type History, type HistoryStep } from '../logic/history';
import { addRemovals, dropRemovals, sidecarNames, type SidecarRemoval } from '../logic/sidecar-removals';

/** The history and the actions that walk it. */
export interface HistorySlice {
  history: History;
  /** A file step is being written back (undo and redo wait for it). */
  historyBusy: boolean;
  /** Takes back the last step (a file step once written back); false when there is none, or while busy. */
  undo(): boolean;
  /** Does again the last step undone (a file step once written again); false when there is none, or while busy. */
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

  /**
   * Marks `removals` again (redo) or unmarks them (undo); on undo, the sentence naming those
   * Save removed already, which undo does not write back (null: none).
   */
  function walkRemovals(removals: readonly SidecarRemoval[], side: 'before' | 'after'): string | null {
    const s = get();
    if (side === 'after') {
      set({ removals: addRemovals(s.removals, removals, s.rows).removals });
      return null;
    }
    const dropped = dropRemovals(
      s.removals,
      removals.map((r) => r.path),
    );
    set({ removals: dropped.removals });
    const gone = removals.filter((r) => !dropped.pending.includes(r.path) && s.rows[r.path]?.sidecar === 'missing');
    if (gone.length === 0) return null;
    return ` Not brought back: ${sidecarNames(gone.map((r) => r.path))} (removed by Save; Undo does not write a removed file back: Rebuild from the journal, in the image’s History, writes it anew).`;
  }

  /** Moves `step` from one end of the history to the other, as `moved` (see {@link moveStep}). */
  function move(step: HistoryStep, from: 'past' | 'future', moved: HistoryStep = step): void {
    set(({ history }) => ({ history: moveStep(history, step, from, moved) }));
  }

  function walk(from: 'past' | 'future'): boolean {
    const { history, historyBusy } = get();
    const step = from === 'past' ? history.past.at(-1) : history.future[0];
    if (!step || historyBusy) return false;
    const side = from === 'past' ? 'before' : 'after';
    const done = (note: string | null = null) =>
      get().notify(
        note === null ? 'success' : 'error',
        `${from === 'past' ? 'Undone' : 'Redone'}: ${describeStep(step)}.${note ?? ''}`,
      );
    if (step.file) {
      set({ historyBusy: true });
      void get()
        .writeFileStep(step.file, side)
        .then((file) => {
          set({ historyBusy: false });
          if (file === 'conflict') return void get().askFileConflict(step, from);
          if (file === null) return;
          move(step, from, { ...step, file });
          done();
        });
      return true;
    }
    show(step.changes, side);
    const note = step.removals ? walkRemovals(step.removals, side) : null;
    get().actionsSinceSave.note(
      step.changes.map((c) => c.path),
      `${from === 'past' ? 'Undo' : 'Redo'} ${step.action}`,
    );
    move(step, from);
    done(note);
    return true;
  }

  return {
    history: EMPTY_HISTORY,
    historyBusy: false,
    undo: () => walk('past'),
    redo: () => walk('future'),
  };
};
