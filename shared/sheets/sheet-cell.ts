/**
 * Cells of a table as spreadsheet programs hand them over, and the cell a stored value becomes.
 *
 * Text tables (CSV, TSV) only hold strings; an XLSX cell may also be a number, a boolean, a
 * date, an error (`#N/A`) or a formula. Rows of a {@link SheetTable} are indexed by row
 * number − 1, so a message can name the row the user sees.
 */
import type { AcquisitionValue } from '../acquisition/acquisition-columns';
import type { FieldSpec, FieldValue } from '../fields/field-table';
import { pythonFloatRepr } from '../sidecar';
import { tableNumber, type TableCell } from './table-text';

/** An error value (`#N/A`, `#DIV/0!`): `error` is what a spreadsheet shows. */
export interface ErrorCell {
  error: string;
}

/**
 * A formula (`=B2*2`, without its `=`), with the text of the result the workbook last stored
 * (null: none). An import refuses it rather than take that result unseen.
 */
export interface FormulaCell {
  formula: string;
  result: string | null;
}

/** A cell that holds a value: text, a number, a boolean, a date (read as UTC), or empty. */
export type ValueCell = string | number | boolean | Date | null;

/** One cell as read: a value, an error or a formula. */
export type SheetCell = ValueCell | ErrorCell | FormulaCell;

/** A whole table: `table[r]` is spreadsheet row `r + 1` (the header is row 1). */
export type SheetTable = SheetCell[][];

/** A table an export writes: values only, never a formula. */
export type ValueTable = ValueCell[][];

/** Marks a switch over a closed union as exhaustive: adding a member is a compile error here. */
export function unreachable(value: never): never {
  throw new Error(`unexpected value ${String(value)}`);
}

/**
 * A stored value as the text a table holds: text as it is, floats in Python repr (`75.0`,
 * as the sidecar writes them), whole numbers plainly, `true`/`false`, no value as an empty cell.
 */
export function valueText(value: FieldValue | undefined, spec: FieldSpec): string {
  if (value === null || value === undefined) return '';
  switch (spec.type) {
    case 'str':
    case 'int':
      return String(value);
    case 'float':
      return typeof value === 'number' ? pythonFloatRepr(value) : String(value);
    case 'bool':
      return String(value);
    default:
      return unreachable(spec.type);
  }
}

/**
 * A stored value as a cell of a CSV or TSV export: a number field's number is a number (never
 * escaped, `-5` stays `-5`), anything else is text ({@link valueText}), escaped when written.
 */
export function valueTableCell(value: FieldValue | undefined, spec: FieldSpec): TableCell {
  const text = valueText(value, spec);
  return typeof value === 'number' && (spec.type === 'int' || spec.type === 'float') ? tableNumber(text) : text;
}

/** A stored value as a typed cell of a workbook: numbers stay numbers, text text, flags booleans. */
export function valueCell(value: FieldValue | undefined, spec: FieldSpec): ValueCell {
  if (value === null || value === undefined) return null;
  switch (spec.type) {
    case 'str':
      return String(value);
    case 'int':
    case 'float':
    case 'bool':
      return value;
    default:
      return unreachable(spec.type);
  }
}

/** An acquisition value as a cell of a CSV or TSV export: a number is a number, text is text (escaped when written). */
export function acquisitionTableCell(value: AcquisitionValue): TableCell {
  return typeof value === 'number' ? tableNumber(String(value)) : (value ?? '');
}

/** An acquisition value as a typed cell of a workbook: a number cell, a text cell, or no value. */
export function acquisitionValueCell(value: AcquisitionValue): ValueCell {
  return value ?? null;
}

/** Whether a cell holds nothing but spaces. */
export function isBlankCell(cell: SheetCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** Whether a cell is an {@link ErrorCell}. */
export function isErrorCell(cell: SheetCell | undefined): cell is ErrorCell {
  return typeof cell === 'object' && cell !== null && 'error' in cell;
}

/** Whether a cell is a {@link FormulaCell}. */
export function isFormulaCell(cell: SheetCell | undefined): cell is FormulaCell {
  return typeof cell === 'object' && cell !== null && 'formula' in cell;
}

/**
 * Why an import refuses a formula cell: `what` names the cell (`Note`, `the path`), the message
 * shows the formula and what it last computed.
 */
export function formulaMessage(what: string, cell: FormulaCell): string {
  const shown = cell.result === null ? 'no computed value' : `"${cell.result}"`;
  return `${what} is the formula =${cell.formula} (showing ${shown}); an import takes values, not formulas: replace it by its value (Paste Special › Values) or type the text`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A date cell as text: `YYYY-MM-DD`, with ` HH:MM` (and `:SS`) when it has a time of day.
 * Spreadsheet dates carry no time zone; readers hand them over as UTC.
 */
export function dateText(date: Date): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const [h, m, s] = [date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()];
  if (h === 0 && m === 0 && s === 0) return day;
  return `${day} ${pad(h)}:${pad(m)}${s === 0 ? '' : `:${pad(s)}`}`;
}

/** Any cell as the text a person sees in it (`TRUE`, `2026-03-14`, `#N/A`, `0.5`; a formula: `=B2*2`). */
export function cellText(cell: SheetCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) return dateText(cell);
  return 'formula' in cell ? `=${cell.formula}` : cell.error;
}
