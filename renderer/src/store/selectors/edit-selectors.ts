/**
 * Derived state, memoized on the inputs it reads so that components get stable references
 * (a new array only when something it depends on changed).
 */
import { EDITABLE_FIELDS } from '../../../../shared/fields/field-table';
import type { AppState } from '../../app-store';
import { invalidEditCount, isEditable, rowHasChanges } from '../logic/edit-logic';
import { editViewFold, type EditView } from '../logic/field-state';
import { FolderFold, memo, type FolderRows } from '../memo/grow-memo';
import { slicedOverPaths } from '../memo/sliced-memo';

/** What a save would do: files with changes and values that block it. */
export interface SaveSummary {
  files: number;
  invalid: number;
}

/** Files with unsaved changes (a sidecar to remove counts) and the number of invalid values. */
export const selectSaveSummary = memo(
  (s: AppState) => [s.rows, s.rowsEpoch, s.edits, s.removals] as const,
  (rows, _epoch, edits, removals): SaveSummary => {
    let files = 0;
    for (const path of Object.keys(removals)) if (rows[path]) files++;
    for (const [path, pathEdits] of Object.entries(edits)) {
      const row = rows[path];
      if (row && !Object.hasOwn(removals, path) && rowHasChanges(row, pathEdits)) files++;
    }
    return { files, invalid: invalidEditCount(edits) };
  },
);

/** The first value that cannot be saved as typed (by path, then field), for "go to the field". */
export const selectFirstInvalid = memo(
  (s: AppState) => [s.edits] as const,
  (edits): { path: string; name: string } | null => {
    for (const path of Object.keys(edits).sort()) {
      const name = Object.keys(edits[path] ?? {}).find((n) => edits[path]?.[n]?.error != null);
      if (name !== undefined) return { path, name };
    }
    return null;
  },
);

/** Whether anything typed is not on disk yet. */
export function selectHasUnsaved(s: AppState): boolean {
  const summary = selectSaveSummary(s);
  return summary.files > 0 || summary.invalid > 0;
}

/** The selection as the editor splits it. */
export interface SelectionParts {
  /** Selected images whose sidecars may be edited (see `isEditable`), in selection order. */
  editable: readonly string[];
  /** Selected images left alone: a sidecar that cannot be read, a header that cannot (so no sidecar can be made). */
  corrupt: number;
  unreadable: number;
  /** Selected images whose sidecar Save will remove (undoing its creation): they take no edits. */
  removing: number;
}

/** The selection split in one pass over it. */
export const selectSelection = memo(
  (s: AppState) => [s.selected, s.rows, s.rowsEpoch, s.removals] as const,
  (selected, rows, _epoch, removals): SelectionParts => {
    const editable: string[] = [];
    let corrupt = 0;
    let unreadable = 0;
    let removing = 0;
    for (const path of selected) {
      const row = rows[path];
      if (row === undefined) continue;
      if (Object.hasOwn(removals, path)) removing++;
      else if (isEditable(row)) editable.push(path);
      else if (row.sidecar === 'invalid') corrupt++;
      else unreadable++;
    }
    return { editable, corrupt, unreadable, removing };
  },
);

/** Selected paths whose sidecars may be edited (see `isEditable`), in selection order. */
export function selectEditablePaths(s: AppState): readonly string[] {
  return selectSelection(s).editable;
}

/**
 * The editor's view of `paths` (fields and counts), computed once per change of rows or edits;
 * null while a long selection is read for the first time (in slices between frames).
 */
export function selectEditView(paths: readonly string[]): (s: AppState) => EditView | null {
  return slicedOverPaths(
    paths,
    'edit-view',
    (s) => [s.rows, s.rowsEpoch, s.edits] as const,
    (rows, _epoch, edits) => editViewFold({ rows, edits }),
  );
}

/** The fields whose inputs offer the values used in the folder: single-line text. */
const SUGGESTED_FIELDS = EDITABLE_FIELDS.filter((f) => f.type === 'str' && !f.multiline).map((f) => f.name);

/** How often each value of each suggested field is used. */
type ValueCounts = ReadonlyMap<string, Map<string, number>>;

/** Every suggested field's value counts over the folder's rows, counted as rows arrive (in idle time). */
const valueCounts = new FolderFold<ValueCounts>(
  () => new Map(SUGGESTED_FIELDS.map((name) => [name, new Map()])),
  (counts, row) => {
    for (const [name, used] of counts) {
      const value = row.values[name];
      if (typeof value === 'string' && value !== '') used.set(value, (used.get(value) ?? 0) + 1);
    }
  },
);

/** The folder's rows as the value counts see them. */
const folderRows = (s: AppState): FolderRows => ({ rows: s.rows, order: s.rowOrder, epoch: s.rowsEpoch });

const suggestionMemos = new Map<string, (s: AppState) => readonly string[]>();

/**
 * Counts the values of up to `count` more rows for every suggested field (in idle time, so
 * opening the editor is quick); true once every row listed is counted.
 */
export function prepareSuggestions(s: AppState, count: number): boolean {
  return valueCounts.extend(folderRows(s), count).covered === s.rowOrder.length;
}

/** Values already used in this folder for a text field, most used first (for the input's datalist). */
export function selectSuggestions(s: AppState, name: string): readonly string[] {
  let select = suggestionMemos.get(name);
  if (!select) {
    select = memo(
      (st: AppState) => {
        const { value, covered } = valueCounts.extend(folderRows(st), 'all');
        return [value, covered] as const;
      },
      (counts, _covered) =>
        [...(counts.get(name) ?? new Map<string, number>()).entries()]
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .slice(0, 200)
          .map(([value]) => value),
    );
    suggestionMemos.set(name, select);
  }
  return select(s);
}
