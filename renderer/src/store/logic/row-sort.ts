/** Sorting of table rows by a column (pure; the table's visible rows are filtered, then sorted). */
import type { ImageRow } from '../../../../shared/api';
import { compareNatural } from '../../../../shared/text-order';
import { columnByKey } from '../../../../shared/columns';
import { sortValue } from '../../lib/columns';

/** Sort column and direction. */
export interface SortSpec {
  column: string;
  direction: 'asc' | 'desc';
}

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareNatural(String(a), String(b));
}

type Keyed = { row: ImageRow; key: string | number | null };

function compareKeyed(x: Keyed, y: Keyed, sign: number): number {
  if (x.key === null || y.key === null) {
    if (x.key !== y.key) return x.key === null ? 1 : -1;
  } else {
    const c = compareValues(x.key, y.key);
    if (c !== 0) return c * sign;
  }
  return compareNatural(x.row.path, y.row.path);
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
