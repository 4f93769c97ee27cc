/**
 * The table an export writes: a `path` column, then one column per editable field (named by
 * its sidecar key), one row per image.
 */
import { EDITABLE_FIELDS, type FieldSpec, type FieldValue, type FieldValues } from '../fields/field-table';
import type { SheetCell, SheetTable } from './sheet-cell';

/** The formats an export writes: tables to edit and import again, and OMERO's bulk annotation CSV. */
export const TABLE_EXPORT_FORMATS = ['csv', 'tsv', 'xlsx', 'omero'] as const;

/** An export format. */
export type TableExportFormat = (typeof TABLE_EXPORT_FORMATS)[number];

/** One image to export: its path relative to the folder and its stored values. */
export interface ExportRow {
  path: string;
  values: FieldValues;
}

/**
 * Builds the table; `cell` turns each stored value into a cell (`valueText` for CSV and TSV,
 * `valueCell` for a workbook's typed cells).
 */
export function exportTable(
  rows: readonly ExportRow[],
  cell: (value: FieldValue | undefined, spec: FieldSpec) => SheetCell,
): SheetTable {
  const header: SheetCell[] = ['path', ...EDITABLE_FIELDS.map((f) => f.name)];
  return [header, ...rows.map((row) => [row.path, ...EDITABLE_FIELDS.map((f) => cell(row.values[f.name], f))])];
}
