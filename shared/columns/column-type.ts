/**
 * What a column of the image table is: its kind, labels, widths and what it shows. The table's
 * columns (columns.ts), their text (column-text.ts) and result columns (result-columns.ts) use it.
 */
import type { CatalogueNames } from '../api';
import type { FieldSpec } from '../fields/field-table';
import type { AcquisitionColumnSpec } from './acquisition-columns';

/** What a column shows. */
export type ColumnKind =
  | 'path'
  | 'sidecar'
  | 'problems'
  | 'format'
  | 'dims'
  | 'dtype'
  | 'channels'
  | 'acquisition'
  | 'catalogue'
  | 'field'
  | 'result';

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
  /** The summary value a `result` column shows (see shared/analysis/result-values). */
  resultKey?: string;
  /** What an `acquisition` column shows of the image's acquisition. */
  acquisition?: AcquisitionColumnSpec;
  /** What a `catalogue` column shows: the name of the microscope or objective the image matched in the lab's catalogue. */
  catalogue?: keyof CatalogueNames;
}
