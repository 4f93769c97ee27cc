/**
 * The table an export writes: a `path` column, then one column per editable field (named by
 * its sidecar key), one row per image.
 */
import { EDITABLE_FIELDS, type FieldSpec, type FieldValue, type FieldValues } from '../fields/field-table';

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
 * Builds the table; `cell` turns each stored value into a cell (`valueTableCell` for CSV and
 * TSV, `valueCell` for a workbook's typed cells). The path and the header are text.
 */
export function exportTable<Cell>(
  rows: readonly ExportRow[],
  cell: (value: FieldValue | undefined, spec: FieldSpec) => Cell,
): (Cell | string)[][] {
  const header = ['path', ...EDITABLE_FIELDS.map((f) => f.name)];
  return [header, ...rows.map((row) => [row.path, ...EDITABLE_FIELDS.map((f) => cell(row.values[f.name], f))])];
}
