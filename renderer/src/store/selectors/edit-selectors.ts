/**
 * Derived state, memoized on the inputs it reads so that components get stable references
 * (a new array only when something it depends on changed).
 */
import type { ImageRow } from '../../../../shared/api';
import { EDITABLE_FIELDS } from '../../../../shared/fields/field-table';
import type { AppState } from '../app-store';
import { invalidEditCount, isEditable, rowHasChanges, type EditMap } from '../logic/edit-logic';
import { editViewFold, type EditView } from '../logic/field-state';
import { FolderFold, growMemo, memo, mergeSorted, type FolderRows } from '../memo/grow-memo';
import { slicedOverPaths } from '../memo/sliced-memo';
import { parseFilter, type FilterQuery } from '../filter/filter-query';
import { problemCount, type LiveProblems } from '../logic/problem-logic';
import { filterRows } from '../filter/row-filter';
import { matchesQuick, rowComparator, sortRows, type QuickFilter, type SortSpec } from '../logic/row-sort';

/** Whether the visible rows depend on pending edits (so typing does not re-filter 10,000 rows for nothing). */
function filterReadsEdits(s: AppState): boolean {
  return (
    s.quickFilter === 'invalid' || s.quickFilter === 'unsaved' || filterReadsProblems(s) || s.filterText.trim() !== ''
  );
}

/** Whether the visible rows depend on what the lab profile finds in pending edits. */
function filterReadsProblems(s: AppState): boolean {
  return s.quickFilter === 'not-ready' || s.fieldGap !== null;
}

const NO_EDITS: EditMap = {};
const NO_PROBLEMS: LiveProblems = {};

/** What the table's filters read besides the rows. */
type FilterInputs = readonly [EditMap, LiveProblems, string, QuickFilter | null, string | null, SortSpec | null];

/** The rows of `paths` that pass the filters (the filter text parsed as `query`), in the order given. */
function passing(
  s: AppState,
  paths: readonly string[],
  query: FilterQuery,
  [edits, live, , quick, gap]: FilterInputs,
): ImageRow[] {
  return filterRows({ rows: s.rows, order: paths, epoch: s.rowsEpoch }, edits, query, quick, live, gap);
}

/** Whether nothing filters or sorts the rows: the table shows `rowOrder` as it is (clearing the filter of 100,000 rows costs nothing). */
function showsEveryRow(query: FilterQuery, [, , , quick, gap, sort]: FilterInputs): boolean {
  return quick === null && gap === null && sort === null && query.terms.length === 0;
}

/** Paths of the rows the table shows: filtered, then sorted; rows that stream in are merged in. */
export const selectVisiblePaths = growMemo<readonly string[], FilterInputs>({
  inputs: (s) => [
    filterReadsEdits(s) ? s.edits : NO_EDITS,
    filterReadsProblems(s) ? s.liveProblems : NO_PROBLEMS,
    s.filterText,
    s.quickFilter,
    s.fieldGap,
    s.sort,
  ],
  full: (s, order, ...inputs): readonly string[] => {
    const query = parseFilter(inputs[2]);
    return showsEveryRow(query, inputs)
      ? order
      : sortRows(passing(s, order, query, inputs), inputs[5]).map((row) => row.path);
  },
  grow: (s, previous, added, ...inputs): readonly string[] => {
    const query = parseFilter(inputs[2]);
    if (showsEveryRow(query, inputs)) return s.rowOrder;
    const sort = inputs[5];
    const shown = sortRows(passing(s, added, query, inputs), sort);
    if (shown.length === 0) return previous;
    const compare = rowComparator(sort);
    return compare === null
      ? previous.concat(shown.map((row) => row.path))
      : mergeSorted(previous, shown, s.rows, compare);
  },
});

/** Counts shown on the quick-filter buttons. */
export type QuickCounts = Record<QuickFilter, number>;

/** The quick filters' counts over rows as stored (without sidecar, invalid sidecar, warnings, not ready), whatever is being typed. */
type StoredCounts = Omit<QuickCounts, 'unsaved'>;

/** Whether a row is not ready as scanned (no pending edits; the profile's problems as read). */
function notReadyAsStored(row: ImageRow): boolean {
  return problemCount(row, undefined, NO_PROBLEMS) > 0;
}

const selectStoredCounts = growMemo<StoredCounts, readonly []>({
  inputs: () => [] as const,
  full: (s, order) => countStored(s, order, { missing: 0, invalid: 0, warnings: 0, 'not-ready': 0 }),
  grow: (s, previous, added) => countStored(s, added, { ...previous }),
});

function countStored(s: AppState, paths: readonly string[], counts: StoredCounts): StoredCounts {
  for (const path of paths) {
    const row = s.rows[path];
    if (!row) continue;
    if (matchesQuick(row, NO_EDITS, 'missing')) counts.missing++;
    if (matchesQuick(row, NO_EDITS, 'invalid')) counts.invalid++;
    if (matchesQuick(row, NO_EDITS, 'warnings')) counts.warnings++;
    if (notReadyAsStored(row)) counts['not-ready']++;
  }
  return counts;
}

/** How many rows each quick filter would show: stored counts plus what pending edits add (edits only are visited). */
export const selectQuickCounts = memo(
  (s: AppState) => [selectStoredCounts(s), s.rows, s.rowsEpoch, s.edits, s.liveProblems] as const,
  (stored, rows, _epoch, edits, live): QuickCounts => {
    const counts: QuickCounts = { ...stored, unsaved: 0 };
    for (const path of new Set([...Object.keys(edits), ...Object.keys(live)])) {
      const row = rows[path];
      if (!row) continue;
      if (!matchesQuick(row, NO_EDITS, 'invalid') && matchesQuick(row, edits, 'invalid')) counts.invalid++;
      if (matchesQuick(row, edits, 'unsaved')) counts.unsaved++;
      counts['not-ready'] += Number(matchesQuick(row, edits, 'not-ready', live)) - Number(notReadyAsStored(row));
    }
    return counts;
  },
);

/** What a save would do: files with changes and values that block it. */
export interface SaveSummary {
  files: number;
  invalid: number;
}

/** Files with unsaved changes and the number of invalid values. */
export const selectSaveSummary = memo(
  (s: AppState) => [s.rows, s.rowsEpoch, s.edits] as const,
  (rows, _epoch, edits): SaveSummary => {
    let files = 0;
    for (const [path, pathEdits] of Object.entries(edits)) {
      const row = rows[path];
      if (row && rowHasChanges(row, pathEdits)) files++;
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
}

/** The selection split in one pass over it. */
export const selectSelection = memo(
  (s: AppState) => [s.selected, s.rows, s.rowsEpoch] as const,
  (selected, rows, _epoch): SelectionParts => {
    const editable: string[] = [];
    let corrupt = 0;
    let unreadable = 0;
    for (const path of selected) {
      const row = rows[path];
      if (row === undefined) continue;
      if (isEditable(row)) editable.push(path);
      else if (row.sidecar === 'invalid') corrupt++;
      else unreadable++;
    }
    return { editable, corrupt, unreadable };
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
