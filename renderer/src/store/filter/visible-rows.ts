/**
 * The rows the table shows (filtered, then sorted) and the quick filters' counts, memoized on
 * the inputs they read and grown as rows stream in.
 */
import type { ImageRow } from '../../../../shared/api';
import type { AppState } from '../../app-store';
import type { EditMap } from '../logic/edit-logic';
import { problemCount, type LiveProblems } from '../logic/problem-logic';
import { rowComparator, sortRows, type SortSpec } from '../logic/row-sort';
import { growMemo, memo, mergeSorted } from '../memo/grow-memo';
import { parseFilter, type FilterQuery } from '../../../../shared/filter';
import { matchesQuick, type QuickFilter } from './quick-filters';
import { filterRows } from './row-filter';

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
