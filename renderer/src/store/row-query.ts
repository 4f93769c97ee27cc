/** Filtering and sorting of table rows (pure; the selectors memoize it). */
import type { ImageRow } from '../../../shared/api';
import { columnByKey, sortValue } from '../lib/columns';
import { formatFieldValue } from '../lib/format';
import { formatResult } from '../lib/result-format';
import { rowHasChanges, type EditMap } from './edit-logic';

/** The quick filters of the toolbar. */
export type QuickFilter = 'missing' | 'invalid' | 'unsaved';

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
  }
}

const haystacks = new WeakMap<ImageRow, string>();

/**
 * The lower-case text the filter box searches: the path, every stored field value and result
 * value (made once per row; `prepareForFilter` makes it ahead, in idle time, for large folders).
 */
function haystack(row: ImageRow): string {
  let text = haystacks.get(row);
  if (text === undefined) {
    const results = Object.values(row.results ?? {}).map(formatResult);
    text = [row.path, ...Object.values(row.values).map(formatFieldValue), ...results].join('\n').toLowerCase();
    haystacks.set(row, text);
  }
  return text;
}

/** Prepares what filtering a row needs, so that the first filter of a large folder is fast. */
export function prepareForFilter(row: ImageRow): void {
  haystack(row);
}

/**
 * Whether a row matches the filter text: every word must occur in the path, a stored value or
 * a pending edit (so a row being edited does not vanish while the user types).
 */
export function matchesText(row: ImageRow, edits: EditMap, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const pathEdits = edits[row.path];
  if (pathEdits === undefined) return words.every((w) => haystack(row).includes(w));
  const pending = Object.values(pathEdits).map((e) => e.text.toLowerCase());
  return words.every((w) => haystack(row).includes(w) || pending.some((p) => p.includes(w)));
}

/** Splits filter text into lower-case words. */
export function filterWords(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter((w) => w !== '');
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

type Keyed = { row: ImageRow; key: string | number | null };

function compareKeyed(x: Keyed, y: Keyed, sign: number): number {
  if (x.key === null || y.key === null) {
    if (x.key !== y.key) return x.key === null ? 1 : -1;
  } else {
    const c = compareValues(x.key, y.key);
    if (c !== 0) return c * sign;
  }
  return collator.compare(x.row.path, y.row.path);
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
  keyed.sort((x, y) => compareKeyed(x, y, sign));
  return keyed.map((k) => k.row);
}

/** The order {@link sortRows} sorts by, for two rows; null when `sort` orders nothing (scan order). */
export function rowComparator(sort: SortSpec | null): ((a: ImageRow, b: ImageRow) => number) | null {
  const column = sort ? columnByKey(sort.column) : undefined;
  if (!sort || !column) return null;
  const sign = sort.direction === 'asc' ? 1 : -1;
  return (a, b) => compareKeyed({ row: a, key: sortValue(a, column) }, { row: b, key: sortValue(b, column) }, sign);
}
