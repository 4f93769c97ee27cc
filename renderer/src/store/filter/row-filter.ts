/**
 * The filter text applied to rows, fast on 100,000 of them: each row's columns are turned into
 * one lower-case search text once (kept while the row object lives), and the rows of a folder
 * are kept in arrays beside those texts and where each column ends in them, so a keystroke
 * only parses the query and scans them (a `field:value` term looks at its column alone).
 */
import type { ImageRow } from '../../../../shared/api';
import { columnNumber, columnText } from '../../lib/column-text';
import { columnByKey, COLUMNS } from '../../lib/columns';
import { formatResult } from '../../lib/result-format';
import type { Comparison, FilterQuery, FilterTerm } from './filter-query';
import { rowHasChanges, type EditMap, type PathEdits } from '../logic/edit-logic';
import { FolderFold, type FolderRows } from '../memo/grow-memo';
import type { LiveProblems } from '../logic/problem-logic';
import { matchesGap, matchesQuick, type QuickFilter } from '../logic/row-sort';

/** Separates the columns' texts in a row's search text (nobody types it, so no word spans two columns). */
const SEPARATOR = '\u0001';

const searchTexts = new WeakMap<ImageRow, string>();

/**
 * A row's lower-case text as the filter searches it, made once per row: every column's text
 * (shown or not) in `COLUMNS` order, then the row's problems (read errors, then the lab
 * profile's) and its analysis results, separated by `SEPARATOR`.
 */
function searchText(row: ImageRow): string {
  let text = searchTexts.get(row);
  if (text === undefined) {
    const results = Object.values(row.results ?? {})
      .map(formatResult)
      .join(' ');
    const problems = row.profileProblems.map((p) => p.message).join(' ');
    text = [...COLUMNS.map((column) => columnText(row, column)), row.errors.join(' '), problems, results]
      .join(SEPARATOR)
      .toLowerCase();
    searchTexts.set(row, text);
  }
  return text;
}

/** Columns at the start of every search text, each followed by `SEPARATOR`. */
const COLUMN_COUNT = COLUMNS.length;

/**
 * The rows of the folder in scan order, each with its search text and where its columns end
 * in it: row `i`'s column `c` ends at `ends[i * COLUMN_COUNT + c]` (its separator), so a term
 * on one column finds it without searching the text for separators.
 */
interface SearchIndex {
  rows: readonly ImageRow[];
  texts: readonly string[];
  ends: readonly number[];
}

/** The rows a filter looks at: rows by path, the paths in order, and `rowsEpoch` (it changes when rows are replaced in place). */
export type RowsToFilter = FolderRows;

/** The folder's index: made as rows arrive (in idle time) and kept while rows are only appended. */
const folderIndex = new FolderFold<{ rows: ImageRow[]; texts: string[]; ends: number[] }>(
  () => ({ rows: [], texts: [], ends: [] }),
  (index, row) => {
    const text = searchText(row);
    index.rows.push(row);
    index.texts.push(text);
    let end = -1;
    for (let c = 0; c < COLUMN_COUNT; c++) index.ends.push((end = text.indexOf(SEPARATOR, end + 1)));
  },
);

/**
 * Indexes up to `count` more of the folder's rows ahead of the first filter (in idle time: see
 * idle-prepare), so that a keystroke does not index 100,000 rows at once; true once all are.
 */
export function prepareForFilter(input: RowsToFilter, count: number): boolean {
  return folderIndex.extend(input, count).covered === input.order.length;
}

/**
 * The search index of these rows: the folder's, extended by the rows appended since; the
 * index of a part of the folder (the rows a scan batch added) is made on its own.
 */
function searchIndex(input: RowsToFilter): SearchIndex {
  if (folderIndex.holds(input) && !folderIndex.continuedBy(input)) return folderIndex.over(input);
  return folderIndex.extend(input, 'all').value;
}

const COLUMN_AT: ReadonlyMap<string, number> = new Map(COLUMNS.map((c, i) => [c.key, i]));

function compare(value: number | null, op: Comparison, wanted: number): boolean {
  if (value === null) return false;
  switch (op) {
    case '<':
      return value < wanted;
    case '<=':
      return value <= wanted;
    case '>':
      return value > wanted;
    case '>=':
      return value >= wanted;
    case '=':
      return value === wanted;
  }
}

/**
 * A term made ready to test rows: its column looked up once per keystroke, not once per row.
 * `at` is the row's place in the index.
 */
type Matcher = (row: ImageRow, text: string, edits: PathEdits | undefined, at: number) => boolean;

/** The test of one term on a row's stored values (its search text `text`, its columns' `ends`) or a pending edit. */
function termMatcher(term: FilterTerm, ends: readonly number[]): Matcher {
  if (term.kind === 'unsaved') return (row, _text, edits) => rowHasChanges(row, edits);
  if (term.kind === 'text') {
    const wanted = term.text;
    return (_row, text, edits) =>
      text.includes(wanted) ||
      (edits !== undefined && Object.values(edits).some((e) => e.text.toLowerCase().includes(wanted)));
  }
  const key = term.column;
  const column = COLUMN_AT.get(key) ?? 0;
  /** Where the term's column starts and ends in the search text of the row at `at`. */
  const startOf = (at: number): number => (column === 0 ? 0 : (ends[at * COLUMN_COUNT + column - 1] as number) + 1);
  const endOf = (at: number): number => ends[at * COLUMN_COUNT + column] as number;
  if (term.kind === 'compare') {
    const spec = columnByKey(key)!;
    const { op, value } = term;
    return (row, _text, edits) => {
      const edit = edits?.[key];
      const pending = edit && edit.error === null && typeof edit.value === 'number' ? edit.value : null;
      return compare(columnNumber(row, spec), op, value) || compare(pending, op, value);
    };
  }
  const typed = (edits: PathEdits | undefined) => edits?.[key]?.text.trim().toLowerCase();
  switch (term.kind) {
    case 'empty':
      return (_row, _text, edits, at) => startOf(at) === endOf(at) || typed(edits) === '';
    case 'equals': {
      const wanted = term.text;
      return (_row, text, edits, at) => {
        const start = startOf(at);
        return (endOf(at) - start === wanted.length && text.startsWith(wanted, start)) || typed(edits) === wanted;
      };
    }
    case 'contains': {
      const wanted = term.text;
      return (_row, text, edits, at) => {
        const found = text.indexOf(wanted, startOf(at));
        return (found >= 0 && found + wanted.length <= endOf(at)) || (typed(edits)?.includes(wanted) ?? false);
      };
    }
  }
}

/**
 * The rows (in scan order) that pass the quick filter, the Completeness view's field filter
 * (`gap`) and the parsed filter text: every term must match (a `-` term must not). A row being
 * edited matches on what is typed as well, so it does not vanish while the user types; `live`
 * is what the lab profile finds in the pending edits.
 */
export function filterRows(
  input: RowsToFilter,
  edits: EditMap,
  query: FilterQuery,
  quick: QuickFilter | null,
  live: LiveProblems = {},
  gap: string | null = null,
): ImageRow[] {
  const shown: ImageRow[] = [];
  const editing = Object.keys(edits).length > 0;
  const kept = (row: ImageRow) =>
    (quick === null || matchesQuick(row, edits, quick, live)) && matchesGap(row, edits, live, gap);
  if (query.terms.length === 0) {
    for (const path of input.order) {
      const row = input.rows[path];
      if (row && kept(row)) shown.push(row);
    }
    return shown;
  }
  const index = searchIndex(input);
  const matchers = query.terms.map((term) => termMatcher(term, index.ends));
  const negated = query.terms.map((term) => term.negate);
  for (let i = 0; i < index.rows.length; i++) {
    const row = index.rows[i]!;
    if (!kept(row)) continue;
    const text = index.texts[i]!;
    const pathEdits = editing ? edits[row.path] : undefined;
    let match = true;
    for (let t = 0; t < matchers.length && match; t++) match = matchers[t]!(row, text, pathEdits, i) !== negated[t];
    if (match) shown.push(row);
  }
  return shown;
}
