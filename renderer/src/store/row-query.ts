/** Filtering and sorting of table rows (pure; the selectors memoize it). */
import type { ImageRow } from '../../../shared/api';
import { columnNumber, columnText } from '../lib/column-text';
import { columnByKey, COLUMNS, sortValue } from '../lib/columns';
import type { Comparison, FilterQuery, FilterTerm } from '../lib/filter-query';
import { rowHasChanges, type EditMap, type PathEdits } from './edit-logic';

/** The quick filters of the toolbar (one at a time, combined with the filter text). */
export type QuickFilter = 'missing' | 'invalid' | 'unsaved' | 'warnings';

/** Sort column and direction. */
export interface SortSpec {
  column: string;
  direction: 'asc' | 'desc';
}

/** Whether a row passes a quick filter. */
export function matchesQuick(row: ImageRow, edits: EditMap, quick: QuickFilter): boolean {
  switch (quick) {
    case 'missing':
      return row.sidecar === 'missing';
    case 'invalid':
      return row.sidecar === 'invalid' || Object.values(edits[row.path] ?? {}).some((e) => e.error !== null);
    case 'unsaved':
      return rowHasChanges(row, edits[row.path]);
    case 'warnings':
      return row.errors.length > 0;
  }
}

/** Separates the columns' texts in a row's search text (nobody types it, so no word spans two columns). */
const SEPARATOR = '\u0001';

const searchTexts = new WeakMap<ImageRow, string>();

/**
 * A row's lower-case text as the filter searches it, made once per row: every column's text
 * (shown or not) in `COLUMNS` order, then the row's problems, separated by `SEPARATOR`.
 */
function searchText(row: ImageRow): string {
  let text = searchTexts.get(row);
  if (text === undefined) {
    text = [...COLUMNS.map((column) => columnText(row, column)), row.errors.join(' ')].join(SEPARATOR).toLowerCase();
    searchTexts.set(row, text);
  }
  return text;
}

const COLUMN_AT: ReadonlyMap<string, number> = new Map(COLUMNS.map((c, i) => [c.key, i]));

/** Where column `key`'s text lies in a row's search text. */
function segment(text: string, key: string): [number, number] {
  let start = 0;
  for (let i = COLUMN_AT.get(key) ?? 0; i > 0; i--) start = text.indexOf(SEPARATOR, start) + 1;
  const end = text.indexOf(SEPARATOR, start);
  return [start, end < 0 ? text.length : end];
}

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

/** Whether one term matches the stored values (a field's pending edit is tried as well). */
function matchesTerm(row: ImageRow, edits: PathEdits | undefined, term: FilterTerm): boolean {
  if (term.kind === 'unsaved') return rowHasChanges(row, edits);
  const text = searchText(row);
  if (term.kind === 'text') return text.includes(term.text) || Object.values(edits ?? {}).some((e) => e.text.toLowerCase().includes(term.text));
  const edit = edits?.[term.column];
  if (term.kind === 'compare') {
    const column = columnByKey(term.column)!;
    const pending = edit && edit.error === null && typeof edit.value === 'number' ? edit.value : null;
    return compare(columnNumber(row, column), term.op, term.value) || compare(pending, term.op, term.value);
  }
  const [start, end] = segment(text, term.column);
  const typed = edit?.text.trim().toLowerCase();
  switch (term.kind) {
    case 'empty':
      return start === end || typed === '';
    case 'equals':
      return (end - start === term.text.length && text.startsWith(term.text, start)) || typed === term.text;
    case 'contains': {
      const at = text.indexOf(term.text, start);
      return (at >= 0 && at + term.text.length <= end) || (typed?.includes(term.text) ?? false);
    }
  }
}

/**
 * Whether a row matches a parsed filter: every term must match (a `-` term must not). A row
 * being edited matches on what is typed as well, so it does not vanish while the user types.
 */
export function matchesFilter(row: ImageRow, edits: EditMap, query: FilterQuery): boolean {
  const pathEdits = edits[row.path];
  return query.terms.every((term) => matchesTerm(row, pathEdits, term) !== term.negate);
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * Sorts rows by a column on their stored values (so rows stay put while being edited); empty
 * values go last in both directions and ties keep path order.
 */
export function sortRows(rows: ImageRow[], sort: SortSpec | null): ImageRow[] {
  const column = sort ? columnByKey(sort.column) : undefined;
  if (!sort || !column) return rows;
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, key: sortValue(row, column) }));
  keyed.sort((x, y) => {
    if (x.key === null || y.key === null) {
      if (x.key !== y.key) return x.key === null ? 1 : -1;
    } else {
      const c = compareValues(x.key, y.key);
      if (c !== 0) return c * sign;
    }
    return collator.compare(x.row.path, y.row.path);
  });
  return keyed.map((k) => k.row);
}
