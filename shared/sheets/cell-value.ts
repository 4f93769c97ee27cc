/**
 * The value a table cell sets, undoing what spreadsheet programs do to data on the way.
 *
 * - A date cell is `YYYY-MM-DD` text (for text fields such as `date`); a number field refuses it.
 * - Numbers may come as number cells, as text, with stray spaces, or with a decimal comma
 *   (`12,5`); `1,500` is refused as ambiguous (1.5 or 1500?).
 * - A cell that still shows the stored value changes nothing, even where a spreadsheet changed
 *   its form: a number kept to Excel's 15 significant digits, or a text field holding a number
 *   (`1.0`, `007`) that came back as that number.
 * - A flag (`accepted`) takes a boolean cell or `true/false/yes/no/1/0` in any case.
 * - A formula is refused, never read as the result it last computed: what it shows can
 *   depend on other cells, on links or on other files.
 * Everything else is validated like typed input (`parseFieldInput`).
 */
import type { FieldSpec, FieldValue } from '../fields/field-table';
import { isNumberText, parseFieldInput, typeMessage } from '../validation';
import {
  cellText,
  formulaMessage,
  isErrorCell,
  isFormulaCell,
  unreachable,
  valueText,
  type SheetCell,
} from './sheet-cell';

/** The value a cell sets, or why it cannot be stored. */
export type CellReading = { ok: true; value: FieldValue } | { ok: false; message: string };

/** Significant digits Excel keeps of a number. */
const EXCEL_DIGITS = 15;

const DECIMAL_COMMA = /^[-+]?\d+,\d+$/;
/** `1,500`: a thousands separator or a decimal comma, no way to tell. */
const AMBIGUOUS_COMMA = /^[-+]?[1-9]\d{0,2},\d{3}$/;

/** Reads one cell for `spec`, given the value stored now (`current`). */
export function readCell(cell: SheetCell | undefined, spec: FieldSpec, current: FieldValue): CellReading {
  if (isErrorCell(cell)) return { ok: false, message: `${spec.displayName}: the cell holds ${cell.error}` };
  if (isFormulaCell(cell)) return { ok: false, message: formulaMessage(`${spec.displayName}: the cell`, cell) };
  if (showsStoredValue(cell, spec, current)) return { ok: true, value: current };
  switch (spec.type) {
    case 'str':
      return parseFieldInput(spec.name, cellText(cell));
    case 'int':
    case 'float':
      return readNumber(cell, spec);
    case 'bool':
      return typeof cell === 'boolean' ? { ok: true, value: cell } : parseFieldInput(spec.name, cellText(cell));
    default:
      return unreachable(spec.type);
  }
}

function readNumber(cell: SheetCell | undefined, spec: FieldSpec): CellReading {
  if (typeof cell === 'boolean') return { ok: false, message: typeMessage(spec, cellText(cell)) };
  if (cell instanceof Date) return { ok: false, message: typeMessage(spec, `the date ${cellText(cell)}`) };
  const text = cellText(cell).trim();
  if (AMBIGUOUS_COMMA.test(text)) {
    const [whole, fraction] = text.split(',');
    return {
      ok: false,
      message: `${spec.displayName}: "${text}" could be ${whole}.${fraction} or ${whole}${fraction}; write it without the comma`,
    };
  }
  return parseFieldInput(spec.name, DECIMAL_COMMA.test(text) ? text.replace(',', '.') : text);
}

/** Whether the cell still shows `current`, allowing for what a spreadsheet does to its form. */
function showsStoredValue(cell: SheetCell | undefined, spec: FieldSpec, current: FieldValue): boolean {
  const text = cellText(cell);
  if (text === valueText(current, spec)) return true;
  if (typeof current === 'number' && typeof cell === 'number') return sameToExcelDigits(cell, current);
  if (spec.type !== 'str' || typeof current !== 'string' || !isNumberText(current)) return false;
  const number = typeof cell === 'number' ? cell : isNumberText(text.trim()) ? Number(text.trim()) : Number.NaN;
  return number === Number(current);
}

function sameToExcelDigits(a: number, b: number): boolean {
  return a.toPrecision(EXCEL_DIGITS) === b.toPrecision(EXCEL_DIGITS);
}
