/** Pending edits per image and field, validated as the user types. */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './app-store';
import { applyEdits, editMaker, isEditable, type EditMap, type EditUpdate } from './edit-logic';
import { fileCalibrationValues } from '../lib/calibration';
import { formatFieldValue } from '../lib/format';
import { selectEditablePaths } from './selectors';

/** Edits and the actions on them. */
export interface EditsSlice {
  edits: EditMap;
  /** The field whose input has focus (for the menu's "Revert field"). */
  activeField: string | null;
  /** Sets what the user typed into a field, for every image in `paths` whose sidecar may change. */
  setFieldText(paths: readonly string[], name: string, text: string): void;
  /** Sets each image's calibration to the one its file declares. */
  applyFileCalibration(paths: readonly string[]): void;
  /** Drops a field's pending edit on these images. */
  revertField(paths: readonly string[], name: string): void;
  /** Reverts the focused field on the selected images. */
  revertActiveField(): void;
  /** Drops every pending edit of these images. */
  dropEdits(paths: readonly string[]): void;
  clearEdits(): void;
  setActiveField(name: string | null): void;
}

/** Creates the edits slice. */
export const createEditsSlice: StateCreator<AppState, [], [], EditsSlice> = (set, get) => ({
  edits: {},
  activeField: null,

  setFieldText: (paths, name, text) =>
    set((s) => {
      const make = editMaker(name, text);
      const updates: EditUpdate[] = [];
      for (const path of paths) {
        const row = s.rows[path];
        if (row && isEditable(row)) updates.push({ path, name, edit: make(row.values[name]) });
      }
      const edits = applyEdits(s.edits, updates);
      return edits === s.edits ? {} : { edits };
    }),

  applyFileCalibration: (paths) =>
    set((s) => {
      const updates: EditUpdate[] = [];
      for (const path of paths) {
        const row = s.rows[path];
        if (!row?.fileCalibration || !isEditable(row)) continue;
        for (const [name, value] of Object.entries(fileCalibrationValues(row.fileCalibration) ?? {})) {
          updates.push({ path, name, edit: editMaker(name, formatFieldValue(value))(row.values[name]) });
        }
      }
      return { edits: applyEdits(s.edits, updates) };
    }),

  revertField: (paths, name) => set((s) => ({ edits: applyEdits(s.edits, paths.map((path) => ({ path, name, edit: null }))) })),

  revertActiveField: () => {
    const { activeField } = get();
    if (activeField) get().revertField(selectEditablePaths(get()), activeField);
  },

  dropEdits: (paths) =>
    set((s) => {
      const edits = { ...s.edits };
      for (const path of paths) delete edits[path];
      return { edits };
    }),

  clearEdits: () => set({ edits: {} }),
  setActiveField: (name) => set({ activeField: name }),
});
