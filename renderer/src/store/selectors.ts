/**
 * Derived state, memoized on the inputs it reads so that components get stable references
 * (a new array only when something it depends on changed).
 */
import type { AppState } from './app-store';
import { invalidEditCount, isEditable, rowHasChanges, type EditMap } from './edit-logic';
import { parseFilter } from '../lib/filter-query';
import type { LiveProblems } from './problem-logic';
import { filterRows } from './row-filter';
import { matchesQuick, sortRows, type QuickFilter } from './row-query';

/** Memoizes `compute` on the inputs it reads (compared with Object.is). */
export function memo<A extends unknown[], R>(inputs: (s: AppState) => readonly [...A], compute: (...args: A) => R): (s: AppState) => R {
  let last: { args: readonly [...A]; result: R } | null = null;
  return (s) => {
    const args = inputs(s);
    if (last && args.length === last.args.length && args.every((a, i) => Object.is(a, last!.args[i]))) return last.result;
    const result = compute(...(args as A));
    last = { args, result };
    return result;
  };
}

/** Whether the visible rows depend on pending edits (so typing does not re-filter 10,000 rows for nothing). */
function filterReadsEdits(s: AppState): boolean {
  return s.quickFilter === 'invalid' || s.quickFilter === 'unsaved' || filterReadsProblems(s) || s.filterText.trim() !== '';
}

/** Whether the visible rows depend on what the lab profile finds in pending edits. */
function filterReadsProblems(s: AppState): boolean {
  return s.quickFilter === 'not-ready' || s.fieldGap !== null;
}

const NO_EDITS: EditMap = {};
const NO_PROBLEMS: LiveProblems = {};

/** Paths of the rows the table shows: filtered, then sorted. */
export const selectVisiblePaths = memo(
  (s: AppState) =>
    [s.rows, s.rowOrder, filterReadsEdits(s) ? s.edits : NO_EDITS, filterReadsProblems(s) ? s.liveProblems : NO_PROBLEMS, s.filterText, s.quickFilter, s.fieldGap, s.sort] as const,
  (rows, order, edits, live, text, quick, gap, sort): readonly string[] => {
    const shown = filterRows(rows, order, edits, parseFilter(text), quick, live, gap);
    return sortRows(shown, sort).map((row) => row.path);
  },
);

/** Counts shown on the quick-filter buttons. */
export type QuickCounts = Record<QuickFilter, number>;

const QUICK_FILTERS: readonly QuickFilter[] = ['missing', 'invalid', 'unsaved', 'warnings', 'not-ready'];

/** How many rows each quick filter would show. */
export const selectQuickCounts = memo(
  (s: AppState) => [s.rows, s.rowOrder, s.edits, s.liveProblems] as const,
  (rows, order, edits, live): QuickCounts => {
    const counts: QuickCounts = { missing: 0, invalid: 0, unsaved: 0, warnings: 0, 'not-ready': 0 };
    for (const path of order) {
      const row = rows[path];
      if (!row) continue;
      for (const quick of QUICK_FILTERS) if (matchesQuick(row, edits, quick, live)) counts[quick]++;
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
  (s: AppState) => [s.rows, s.edits] as const,
  (rows, edits): SaveSummary => {
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

/** Selected paths whose sidecars may be edited (see `isEditable`), in selection order. */
export const selectEditablePaths = memo(
  (s: AppState) => [s.selected, s.rows] as const,
  (selected, rows): readonly string[] => [...selected].filter((p) => rows[p] !== undefined && isEditable(rows[p])),
);

const suggestionMemos = new Map<string, (s: AppState) => readonly string[]>();

/** Values already used in this folder for a text field, most used first (for the input's datalist). */
export function selectSuggestions(s: AppState, name: string): readonly string[] {
  let select = suggestionMemos.get(name);
  if (!select) {
    select = memo(
      (st: AppState) => [st.rows] as const,
      (rows) => {
        const counts = new Map<string, number>();
        for (const row of Object.values(rows)) {
          const value = row.values[name];
          if (typeof value === 'string' && value !== '') counts.set(value, (counts.get(value) ?? 0) + 1);
        }
        return [...counts.entries()]
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .slice(0, 200)
          .map(([value]) => value);
      },
    );
    suggestionMemos.set(name, select);
  }
  return select(s);
}
