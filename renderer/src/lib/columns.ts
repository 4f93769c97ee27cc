/**
 * The table's columns: four describing the file, then one per editable field of the field table.
 */
import type { ImageRow } from '../../../shared/api';
import { EDITABLE_FIELDS, type FieldSpec } from '../../../shared/fields/field-table';
import { formatSizes, pixelCount } from './format';

/** What a column shows. */
export type ColumnKind = 'path' | 'sidecar' | 'dims' | 'dtype' | 'channels' | 'field';

/** One column of the image table. */
export interface Column {
  key: string;
  /** Header text. */
  label: string;
  /** Name in the column chooser. */
  longLabel: string;
  /** Chooser group: the field's group, or `File`. */
  group: string;
  kind: ColumnKind;
  /** Tooltip of the header. */
  description: string;
  /** Narrowest width in CSS pixels; `grow` columns share the space left. */
  minWidth: number;
  grow: number;
  align: 'start' | 'end';
  /** The path and sidecar columns are always shown. */
  hideable: boolean;
  field?: FieldSpec;
}

const FILE_COLUMNS: readonly Column[] = [
  { key: 'path', label: 'Path', longLabel: 'Path', group: 'File', kind: 'path', description: 'Image path inside the opened folder', minWidth: 200, grow: 3, align: 'start', hideable: false },
  { key: 'sidecar', label: 'Sidecar', longLabel: 'Sidecar', group: 'File', kind: 'sidecar', description: 'State of the .json sidecar next to the image', minWidth: 128, grow: 0, align: 'start', hideable: false },
  { key: 'dims', label: 'Dims', longLabel: 'Dimensions', group: 'File', kind: 'dims', description: 'Axis sizes of the first series', minWidth: 150, grow: 0, align: 'start', hideable: true },
  { key: 'dtype', label: 'DType', longLabel: 'Data type', group: 'File', kind: 'dtype', description: 'Pixel data type', minWidth: 76, grow: 0, align: 'start', hideable: true },
  { key: 'channels', label: 'Ch', longLabel: 'Channels', group: 'File', kind: 'channels', description: 'Number of channels', minWidth: 50, grow: 0, align: 'end', hideable: true },
];

function fieldColumn(field: FieldSpec): Column {
  const numeric = field.type !== 'str';
  return {
    key: field.name,
    label: field.unit ? `${field.displayName} (${field.unit})` : field.displayName,
    longLabel: field.displayName,
    group: field.group,
    kind: 'field',
    description: field.description,
    minWidth: field.multiline ? 180 : numeric ? 112 : 104,
    grow: numeric ? 0 : 1,
    align: numeric ? 'end' : 'start',
    hideable: true,
    field,
  };
}

/** Every column in display order. */
export const COLUMNS: readonly Column[] = [...FILE_COLUMNS, ...EDITABLE_FIELDS.map(fieldColumn)];

/** Columns shown until the user chooses otherwise. */
export const DEFAULT_VISIBLE_COLUMNS: readonly string[] = ['dims', 'dtype', 'channels', 'species', 'genotype', 'region', 'depth'].filter(
  (key) => COLUMNS.some((c) => c.key === key),
);

/** The column with this key. */
export function columnByKey(key: string): Column | undefined {
  return COLUMNS.find((c) => c.key === key);
}

/** The columns to draw for a set of visible keys, in display order. */
export function shownColumns(visible: readonly string[]): Column[] {
  return COLUMNS.filter((c) => !c.hideable || visible.includes(c.key));
}

/** CSS `grid-template-columns` for these columns. */
export function gridTemplate(columns: readonly Column[]): string {
  return columns.map((c) => (c.grow > 0 ? `minmax(${c.minWidth}px, ${c.grow}fr)` : `${c.minWidth}px`)).join(' ');
}

/** Sum of the columns' narrowest widths. */
export function minTableWidth(columns: readonly Column[]): number {
  return columns.reduce((sum, c) => sum + c.minWidth, 0);
}

const SIDECAR_ORDER = { missing: 0, ok: 1, invalid: 2 } as const;

/** The value a column sorts a row by: empty text and null sort last in either direction. */
export function sortValue(row: ImageRow, column: Column): string | number | null {
  switch (column.kind) {
    case 'path':
      return row.path;
    case 'sidecar':
      return SIDECAR_ORDER[row.sidecar];
    case 'dims':
      return pixelCount(row.header) ?? (formatSizes(row.header) || null);
    case 'dtype':
      return row.header?.dtype || null;
    case 'channels':
      return row.header?.num_channels ?? null;
    case 'field': {
      const value = row.values[column.key];
      return value === undefined || value === '' ? null : value;
    }
  }
}
