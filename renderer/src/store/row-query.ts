/** Quick filters and sorting of table rows (pure; the selectors memoize it; the filter text is row-filter's). */
import type { ImageRow } from '../../../shared/api';
import { columnByKey, sortValue } from '../lib/columns';
import { rowHasChanges, type EditMap } from './edit-logic';

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
