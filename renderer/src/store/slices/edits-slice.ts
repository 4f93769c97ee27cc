/**
 * Pending edits per image and field, validated as the user types. Every change to them that
 * the user makes goes through {@link EditsSlice.applyFieldInputs}, which records it in the undo
 * history (see history.ts); only saving, reloading and opening a folder change edits otherwise.
 */
import type { StateCreator } from 'zustand/vanilla';
import { editableField, type FieldValue } from '../../../../shared/fields/field-table';
import type { AppState } from '../../app-store';
import {
  absentEdit,
  applyEdits,
  editMaker,
  isAbsent,
  isEditable,
  valueEdit,
  type EditMap,
  type EditUpdate,
} from '../logic/edit-logic';
import { EMPTY_HISTORY, recordStep, sameShown, shownValue, type FieldChange, type Shown } from '../logic/history';
import { fileCalibrationValues } from '../../lib/calibration';
import { ActionsSinceSave } from '../logic/actions-since-save';
import { dateToFill } from '../selectors/date-fill';
import { selectEditablePaths } from '../selectors/edit-selectors';
import { addRemovals, dropRemovals, type RemovalMap, type SidecarRemoval } from '../logic/sidecar-removals';

/**
 * One field's new content for one image: what the user typed, a value to store, or `absent`:
 * its key taken out of the file (a restore of a key the file lacked).
 */
export type FieldInput = { path: string; name: string } & ({ text: string } | { value: FieldValue } | { absent: true });

/** How an action's inputs are recorded. */
export interface InputOptions {
  /** Inputs with the same key that touch the same fields merge into one undo step. */
  coalesceKey?: string;
  /** Sidecars to remove on Save (undoing their creation), in the same undo step; their rows take no field inputs. */
  removeSidecars?: readonly SidecarRemoval[];
}

/** Edits and the actions on them. */
export interface EditsSlice {
  edits: EditMap;
  /** Sidecars Save removes (undoing their creation), with the version each must still be. */
  removals: RemovalMap;
  /** What the user did to each image since its last save (not reactive: read when saving). */
  actionsSinceSave: ActionsSinceSave;
  /** The field whose input has focus (for the menu's "Revert field"). */
  activeField: string | null;
  /** Counts focus visits to fields: typing within one visit is one undo step. */
  fieldVisit: number;
  /** A request to move the keyboard focus to a field of an image (`seq` makes each request new). */
  fieldFocus: { path: string; name: string; seq: number } | null;
  /** Selects the image and puts the keyboard focus in the field (e.g. to fix an invalid value). */
  focusField(path: string, name: string): void;
  /**
   * The one way user actions change fields: applies the inputs to the editable images among
   * them and records one undo step named `action`. Returns how many fields changed.
   */
  applyFieldInputs(action: string, inputs: Iterable<FieldInput>, options?: InputOptions): number;
  /** Sets what the user typed into a field, for every image in `paths` whose sidecar may change. */
  setFieldText(paths: readonly string[], name: string, text: string): void;
  /** Sets each image's calibration to the one its file declares. */
  applyFileCalibration(paths: readonly string[]): void;
  /** Fills the empty Date field of each image with the day its file records it was acquired. */
  fillDateFromAcquisition(paths: readonly string[]): void;
  /** Shows a field's stored value again on these images (Escape). */
  revertField(paths: readonly string[], name: string): void;
  /** Reverts the focused field on the selected images. */
  revertActiveField(): void;
  /** Forgets every pending edit and removal of these images without recording it (their file was reloaded). */
  dropEdits(paths: readonly string[]): void;
  /** Forgets all edits and the history (another folder was opened). */
  clearEdits(): void;
  setActiveField(name: string | null): void;
}

/** What a field shows now: its pending edit, else its stored value. */
function shownNow(s: AppState, path: string, name: string): Shown {
  const row = s.rows[path];
  return s.edits[path]?.[name] ?? shownValue(row?.values[name], row !== undefined && isAbsent(row, name));
}

/** Creates the edits slice. */
export const createEditsSlice: StateCreator<AppState, [], [], EditsSlice> = (set, get) => ({
  edits: {},
  removals: {},
  actionsSinceSave: new ActionsSinceSave(),
  activeField: null,
  fieldVisit: 0,
  fieldFocus: null,

  focusField: (path, name) => {
    get().selectOnly(path);
    set((s) => ({ fieldFocus: { path, name, seq: (s.fieldFocus?.seq ?? 0) + 1 } }));
  },

  applyFieldInputs: (action, inputs, options = {}) => {
    const s = get();
    const updates: EditUpdate[] = [];
    const changes: FieldChange[] = [];
    const makers = new Map<string, ReturnType<typeof editMaker>>();
    const marked = addRemovals(s.removals, options.removeSidecars ?? [], s.rows);
    for (const input of inputs) {
      const row = s.rows[input.path];
      if (!row || !isEditable(row) || !editableField(input.name) || Object.hasOwn(marked.removals, input.path))
        continue;
      const stored = row.values[input.name];
      let edit;
      if ('text' in input) {
        const key = `${input.name}\u0000${input.text}`;
        let make = makers.get(key);
        if (!make) makers.set(key, (make = editMaker(input.name, input.text)));
        edit = make(stored);
      } else if ('absent' in input) {
        edit = absentEdit(input.name, isAbsent(row, input.name));
      } else {
        edit = valueEdit(input.name, input.value, stored);
      }
      const before = shownNow(s, input.path, input.name);
      const after = edit ?? shownValue(stored, isAbsent(row, input.name));
      if (sameShown(before, after)) continue;
      updates.push({ path: input.path, name: input.name, edit });
      changes.push({ path: input.path, name: input.name, before, after });
    }
    const { taken } = marked;
    if (changes.length === 0 && taken.length === 0) return 0;
    s.actionsSinceSave.note(
      [...changes, ...taken].map((c) => c.path),
      action,
    );
    const removals = taken.length > 0 ? { removals: taken } : {};
    set((st) => ({
      edits: applyEdits(st.edits, updates),
      removals: marked.removals,
      history: recordStep(st.history, { action, changes, coalesceKey: options.coalesceKey ?? null, ...removals }),
    }));
    return changes.length;
  },

  setFieldText: (paths, name, text) => {
    const visit = `visit-${get().fieldVisit}:${name}`;
    get().applyFieldInputs(
      editableField(name)?.displayName ?? name,
      paths.map((path) => ({ path, name, text })),
      { coalesceKey: visit },
    );
  },

  applyFileCalibration: (paths) => {
    const { rows } = get();
    const inputs: FieldInput[] = [];
    for (const path of paths) {
      const calibration = rows[path]?.fileCalibration;
      if (!calibration) continue;
      for (const [name, value] of Object.entries(fileCalibrationValues(calibration) ?? {}))
        inputs.push({ path, name, value });
    }
    get().applyFieldInputs('File calibration', inputs);
  },

  fillDateFromAcquisition: (paths) => {
    const s = get();
    const inputs: FieldInput[] = [];
    for (const path of paths) {
      const day = dateToFill(s, path);
      if (day !== null) inputs.push({ path, name: 'date', text: day });
    }
    s.applyFieldInputs('Date from the acquisition', inputs);
  },

  revertField: (paths, name) => {
    const { rows } = get();
    const visit = `visit-${get().fieldVisit}:${name}`;
    const inputs = paths.map((path) => ({ path, name, value: rows[path]?.values[name] ?? null }));
    get().applyFieldInputs(editableField(name)?.displayName ?? name, inputs, { coalesceKey: visit });
  },

  revertActiveField: () => {
    const { activeField } = get();
    if (activeField) get().revertField(selectEditablePaths(get()), activeField);
  },

  dropEdits: (paths) =>
    set((s) => {
      s.actionsSinceSave.forget(paths);
      const edits = { ...s.edits };
      for (const path of paths) delete edits[path];
      return { edits, removals: dropRemovals(s.removals, paths).removals };
    }),

  clearEdits: () => {
    get().actionsSinceSave.clear();
    set({ edits: {}, removals: {}, history: EMPTY_HISTORY });
  },
  setActiveField: (name) =>
    set((s) => ({ activeField: name, fieldVisit: name === null ? s.fieldVisit : s.fieldVisit + 1 })),
});
