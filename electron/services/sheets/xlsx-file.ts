/**
 * XLSX workbooks, read and written with exceljs (loaded on first use, so commands that never
 * touch a workbook do not pay for it).
 */
import type { Cell, CellValue, Workbook } from 'exceljs';
import { cellText, type SheetCell, type SheetTable, type ValueTable } from '../../../shared/sheets/sheet-cell';

/** The name of the sheet an export writes. */
const SHEET_NAME = 'AcqMeta';

/** Widest column an export sets, in characters. */
const MAX_WIDTH = 60;

async function newWorkbook(): Promise<Workbook> {
  return (await import('./exceljs-bundle')).newWorkbook();
}

/**
 * Writes a table as a workbook of one sheet: a bold, frozen header row with a filter, text
 * cells as text cells (`=1+1` is text there, never a formula: no escape needed), numbers as
 * numbers, empty values as empty cells.
 */
export async function writeWorkbook(table: ValueTable): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const cells of table) sheet.addRow(cells.map((cell) => (typeof cell === 'string' ? escapeText(cell) : cell)));
  const header = table[0] ?? [];
  sheet.getRow(1).font = { bold: true };
  if (header.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  header.forEach((_, c) => {
    const widest = Math.max(...table.map((row) => cellText(row[c]).split('\n', 1)[0]?.length ?? 0));
    sheet.getColumn(c + 1).width = Math.min(MAX_WIDTH, Math.max(8, widest + 2));
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * Text as OOXML stores it: characters XML cannot hold (carriage return, other control
 * characters) as `_xHHHH_`, and text that looks like such an escape with its `_` escaped, so
 * a reader (exceljs, Excel) gives back the very same text.
 */
function escapeText(text: string): string {
  return text.replace(/_x([0-9A-F]{4})_/g, '_x005F_x$1_').replace(
    // eslint-disable-next-line no-control-regex -- these characters are what is escaped
    /[\u0000-\u0008\u000B-\u001F]/g,
    (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

/**
 * Reads the first sheet of a workbook (the `AcqMeta` sheet when there is one). Rows keep their
 * numbers (a blank row is a row of empty cells); every row is padded to the header's width.
 */
export async function readWorkbook(bytes: Uint8Array): Promise<SheetTable> {
  const workbook = await newWorkbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheet = workbook.getWorksheet(SHEET_NAME) ?? workbook.worksheets[0];
  const table: SheetTable = [];
  if (sheet === undefined) return table;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: SheetCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = readCellOf(cell);
    });
    table[rowNumber - 1] = Array.from(cells, (cell) => cell ?? null);
  });
  const width = table[0]?.length ?? 0;
  return Array.from(table, (row) => {
    const cells = row ?? [];
    return cells.length < width ? [...cells, ...Array<SheetCell>(width - cells.length).fill(null)] : cells;
  });
}

/**
 * A workbook cell as a {@link SheetCell}: a formula (shared ones too, as the cell's own formula)
 * stays a formula, with the text of the result the workbook stored, so an import can refuse it.
 */
function readCellOf(cell: Cell): SheetCell {
  const value = cell.value;
  if (typeof value !== 'object' || value === null || !('formula' in value || 'sharedFormula' in value))
    return toSheetCell(value);
  return { formula: cell.formula, result: value.result === undefined ? null : cellText(toSheetCell(value.result)) };
}

/** A cell's value as a {@link SheetCell}: rich text joined, a hyperlink as its text. */
function toSheetCell(value: CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : toSheetCell(value.text as CellValue);
  if ('error' in value) return { error: value.error };
  return null;
}
