/**
 * Plans the import of an edited table: the header, each row's path and cells, and the changes
 * against what is stored now, with every error (row, column, message) and every warning.
 * The acquisition columns an export can add (recognised by name) are read-only: ignored, and
 * named in the preview once.
 *
 * Pure: the caller reads the table (CSV, TSV or XLSX) and looks each row's path up on disk.
 */
import { acquisitionColumnNamed } from '../acquisition/acquisition-columns';
import { sameNameKey } from '../same-name';
import { fieldByKeyOrLabel } from '../fields/field-lookup';
import type { FieldSpec, FieldValue, FieldValues } from '../fields/field-table';
import { readCell } from './cell-value';
import { describeDragFill, findDragFills } from './drag-fill';
import { cellText, formulaMessage, isBlankCell, isFormulaCell, type SheetCell, type SheetTable } from './sheet-cell';

/** One field of one image that the import changes. */
export interface ImportChange {
  path: string;
  field: string;
  before: FieldValue;
  after: FieldValue;
}

/**
 * A problem that blocks the import; `row` counts from 1 (the header; null: the whole file),
 * `column` is the column's header text (null: the whole row).
 */
export interface ImportError {
  row: number | null;
  column: string | null;
  message: string;
}

/** Something that does not block the import but deserves a look. */
export interface ImportWarning {
  kind: 'drag-fill' | 'unmatched-path';
  row: number;
  column: string | null;
  message: string;
}

/** Everything an import would do, computed against the sidecars on disk; writes nothing. */
export interface ImportPreview {
  /** Data rows read (blank rows not counted). */
  rows: number;
  changes: ImportChange[];
  errors: ImportError[];
  warnings: ImportWarning[];
  /** Headers of the acquisition columns left unread (they are read from the image files); absent when none. */
  ignoredColumns?: string[];
}

/** The columns of a table: where the path is, and the field of every other column. */
export interface TableLayout {
  pathColumn: number;
  /** Header text of each column. */
  names: string[];
  /** The field of each column; null for the path column, ignored columns and columns without a header. */
  fields: (FieldSpec | null)[];
  /** Headers of the acquisition columns, which an import ignores. */
  ignored: string[];
}

/** A data row with its path. */
export interface TableRow {
  row: number;
  path: string;
  cells: readonly SheetCell[];
}

/** What a row's path is on disk: an image with its stored values, no image, or a problem. */
export type RowTarget =
  { kind: 'image'; values: FieldValues } | { kind: 'unmatched'; message: string } | { kind: 'error'; message: string };

/** The changed fields of one row's image. */
export interface RowChanges {
  row: number;
  path: string;
  changes: FieldValues;
}

const PATH_COLUMN = 'path';

/** Reads the header row: a `path` column, then known fields, each once; no formulas. */
export function readLayout(
  table: SheetTable,
): { ok: true; layout: TableLayout } | { ok: false; errors: ImportError[] } {
  const header = table[0] ?? [];
  const formulas = header.flatMap((cell, c): ImportError[] =>
    isFormulaCell(cell)
      ? [{ row: 1, column: null, message: formulaMessage(`the header of column ${c + 1}`, cell) }]
      : [],
  );
  if (formulas.length > 0) return { ok: false, errors: formulas };
  const names = header.map((cell) => cellText(cell).trim());
  const pathColumn = names.findIndex((n) => n.toLowerCase() === PATH_COLUMN);
  if (pathColumn === -1) {
    return {
      ok: false,
      errors: [
        { row: 1, column: null, message: 'a header row is required, with a "path" column and one column per field' },
      ],
    };
  }
  const errors: ImportError[] = [];
  const ignored: string[] = [];
  const seen = new Map<string, string>();
  const fields = names.map((name, i): FieldSpec | null => {
    if (i === pathColumn || name === '') return null;
    const spec = fieldByKeyOrLabel(name);
    if (spec === undefined && acquisitionColumnNamed(name) !== undefined) ignored.push(name);
    else if (spec === undefined) errors.push({ row: 1, column: name, message: `unknown column "${name}"` });
    else if (seen.has(spec.name))
      errors.push({
        row: 1,
        column: name,
        message: `"${name}" and "${seen.get(spec.name)}" are both ${spec.displayName}`,
      });
    else seen.set(spec.name, name);
    return spec ?? null;
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, layout: { pathColumn, names, fields, ignored } };
}

/** The data rows (blank ones skipped), each path once (two spellings the same under NFC are one); a row's cells must match the header. */
export function readRows(table: SheetTable, layout: TableLayout): { rows: TableRow[]; errors: ImportError[] } {
  const rows: TableRow[] = [];
  const errors: ImportError[] = [];
  const firstRowOf = new Map<string, number>();
  table.forEach((cells, index) => {
    const row = index + 1;
    if (row === 1 || cells.every(isBlankCell)) return;
    const width = layout.names.length;
    if (cells.length < width || cells.slice(width).some((c) => !isBlankCell(c))) {
      errors.push({ row, column: null, message: `${cells.length} cells, the header has ${width}` });
      return;
    }
    const stray = layout.names.findIndex((name, i) => name === '' && !isBlankCell(cells[i]));
    if (stray !== -1)
      errors.push({ row, column: null, message: `a value in column ${stray + 1}, which has no header` });
    const pathCell = cells[layout.pathColumn];
    const path = cellText(pathCell).trim();
    const column = layout.names[layout.pathColumn] ?? PATH_COLUMN;
    const first = firstRowOf.get(sameNameKey(path));
    if (isFormulaCell(pathCell)) errors.push({ row, column, message: formulaMessage('the path', pathCell) });
    else if (path === '') errors.push({ row, column, message: 'no path' });
    else if (first !== undefined) errors.push({ row, column, message: `${path} is also on row ${first}` });
    else {
      firstRowOf.set(sameNameKey(path), row);
      rows.push({ row, path, cells });
    }
  });
  return { rows, errors };
}

/**
 * Compares every row with what its image stores (`targets[i]` is `rows[i]`'s): the changes,
 * every cell that cannot be stored, rows matching no image and drag-fill runs.
 */
export function planRows(
  layout: TableLayout,
  rows: readonly TableRow[],
  targets: readonly RowTarget[],
): { preview: ImportPreview; rowChanges: RowChanges[] } {
  const preview: ImportPreview = {
    rows: rows.length,
    changes: [],
    errors: [],
    warnings: [],
    ...(layout.ignored.length > 0 ? { ignoredColumns: [...layout.ignored] } : {}),
  };
  const rowChanges: RowChanges[] = [];
  const columns = new Map<number, { row: number; before: FieldValue; after: FieldValue }[]>();
  const pathName = layout.names[layout.pathColumn] ?? PATH_COLUMN;
  rows.forEach(({ row, path, cells }, i) => {
    const target = targets[i];
    if (target === undefined || target.kind === 'error') {
      preview.errors.push({ row, column: pathName, message: `${path}: ${target?.message ?? 'not looked up'}` });
      return;
    }
    if (target.kind === 'unmatched') {
      preview.warnings.push({
        kind: 'unmatched-path',
        row,
        column: pathName,
        message: `${target.message} The row is left out.`,
      });
      return;
    }
    const changes: FieldValues = {};
    layout.fields.forEach((spec, c) => {
      if (spec === null) return;
      const before = target.values[spec.name] ?? spec.default;
      const reading = readCell(cells[c], spec, before);
      if (!reading.ok) {
        preview.errors.push({ row, column: layout.names[c] ?? spec.name, message: `${path}: ${reading.message}` });
        return;
      }
      const entries = columns.get(c) ?? [];
      columns.set(c, entries);
      entries.push({ row, before, after: reading.value });
      if (reading.value === before) return;
      changes[spec.name] = reading.value;
      preview.changes.push({ path, field: spec.name, before, after: reading.value });
    });
    if (Object.keys(changes).length > 0) rowChanges.push({ row, path, changes });
  });
  for (const [c, entries] of columns) {
    for (const run of findDragFills(entries)) {
      preview.warnings.push({
        kind: 'drag-fill',
        row: run.rows[0] as number,
        column: layout.names[c] ?? null,
        message: describeDragFill(run),
      });
    }
  }
  preview.warnings.sort((a, b) => a.row - b.row);
  return { preview, rowChanges };
}
