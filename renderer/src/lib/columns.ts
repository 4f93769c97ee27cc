/**
 * The table's columns as the table lays them out and sorts by them; the columns themselves
 * (`COLUMNS`, their text and numbers) are `shared/columns`', which the filter reads too.
 */
import type { ImageRow } from '../../../shared/api';
import {
  columnNumber,
  columnText,
  COLUMNS,
  formatSizes,
  resultCellSortValue,
  resultColumn,
  type Column,
} from '../../../shared/columns';
import { IMAGE_FORMAT_NAMES } from '../../../shared/image-format';
import { pixelCount } from './format';

/** Columns shown until the user chooses otherwise. */
export const DEFAULT_VISIBLE_COLUMNS: readonly string[] = [
  'problems',
  'format',
  'dims',
  'dtype',
  'channels',
  'species',
  'genotype',
  'region',
  'depth',
  'accepted',
].filter((key) => COLUMNS.some((c) => c.key === key));

/** The columns to draw for a set of visible keys, in display order; result columns last, as chosen. */
export function shownColumns(visible: readonly string[]): Column[] {
  const results = visible.map(resultColumn).filter((c) => c !== undefined);
  return [...COLUMNS.filter((c) => !c.hideable || visible.includes(c.key)), ...results];
}

/** Widths the user gave columns, by key. */
export type ColumnWidths = Readonly<Record<string, number>>;

/** CSS `grid-template-columns` for these columns: a width the user gave, else the default (growing columns share what is left). */
export function gridTemplate(columns: readonly Column[], widths: ColumnWidths = {}): string {
  return columns
    .map((c) => {
      const width = widths[c.key];
      if (width !== undefined) return `${width}px`;
      return c.grow > 0 ? `minmax(${c.minWidth}px, ${c.grow}fr)` : `${c.minWidth}px`;
    })
    .join(' ');
}

/** The width the columns need at least (wider than the table: it scrolls sideways). */
export function minTableWidth(columns: readonly Column[], widths: ColumnWidths = {}): number {
  return columns.reduce((sum, c) => sum + (widths[c.key] ?? c.minWidth), 0);
}

const SIDECAR_ORDER = { missing: 0, ok: 1, invalid: 2 } as const;

/** The value a column sorts a row by: empty text and null sort last in either direction. */
export function sortValue(row: ImageRow, column: Column): string | number | null {
  switch (column.kind) {
    case 'path':
      return row.path;
    case 'sidecar':
      return SIDECAR_ORDER[row.sidecar];
    case 'problems':
      return columnNumber(row, column);
    case 'format':
      return IMAGE_FORMAT_NAMES[row.format];
    case 'dims':
      return pixelCount(row.header) ?? (formatSizes(row.header) || null);
    case 'dtype':
      return row.header?.dtype || null;
    case 'channels':
      return row.header?.num_channels ?? null;
    case 'acquisition':
      return columnNumber(row, column) ?? (columnText(row, column) || null);
    case 'catalogue':
      return columnText(row, column) || null;
    case 'field': {
      const value = row.values[column.key];
      if (typeof value === 'boolean') return value ? 1 : 0;
      return value === undefined || value === '' ? null : value;
    }
    case 'result':
      return resultCellSortValue(row, column);
  }
}
