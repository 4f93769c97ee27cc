/**
 * The table an export writes: a `path` column, then one column per editable field (named by
 * its sidecar key), one row per image; on request, the acquisition columns after them
 * (`acquisition_instrument`, …: what the image file records, read-only).
 */
import { ACQUISITION_VALUE_COLUMNS, acquisitionValue, type AcquisitionValue } from '../acquisition/acquisition-columns';
import type { Acquisition } from '../acquisition/acquisition-types';
import { EDITABLE_FIELDS, type FieldSpec, type FieldValue, type FieldValues } from '../fields/field-table';

/** The formats an export writes: tables to edit and import again, and OMERO's bulk annotation CSV. */
export const TABLE_EXPORT_FORMATS = ['csv', 'tsv', 'xlsx', 'omero'] as const;

/** An export format. */
export type TableExportFormat = (typeof TABLE_EXPORT_FORMATS)[number];

/** One image to export: its path relative to the folder, its stored values and (when asked for) its acquisition. */
export interface ExportRow {
  path: string;
  values: FieldValues;
  /** What the image file records; absent when it records nothing or when it was not read. */
  acquisition?: Acquisition;
}

/** What an export holds besides the fields. */
export interface ExportOptions {
  /** Adds the acquisition columns after the fields (off by default: the table is the fields alone). */
  acquisition?: boolean;
}

/**
 * Builds the table; `cell` turns each stored value into a cell (`valueTableCell` for CSV and
 * TSV, `valueCell` for a workbook's typed cells). With `acquisitionCell`, the acquisition
 * columns follow the fields, each value made a cell by it (`acquisitionTableCell`,
 * `acquisitionValueCell`). The path and the header are text.
 */
export function exportTable<Cell>(
  rows: readonly ExportRow[],
  cell: (value: FieldValue | undefined, spec: FieldSpec) => Cell,
  acquisitionCell?: (value: AcquisitionValue) => Cell,
): (Cell | string)[][] {
  const acquisition =
    acquisitionCell === undefined
      ? []
      : ACQUISITION_VALUE_COLUMNS.map((c) => ({
          name: c.name,
          cell: (row: ExportRow) => acquisitionCell(acquisitionValue(c, row.acquisition)),
        }));
  const header = ['path', ...EDITABLE_FIELDS.map((f) => f.name), ...acquisition.map((c) => c.name)];
  return [
    header,
    ...rows.map((row) => [
      row.path,
      ...EDITABLE_FIELDS.map((f) => cell(row.values[f.name], f)),
      ...acquisition.map((c) => c.cell(row)),
    ]),
  ];
}
