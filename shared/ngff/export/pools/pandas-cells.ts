/**
 * A table's cells as pandas holds and writes them: `pd.DataFrame(rows, columns=…).to_csv(
 * index=False)` (pandas' defaults: missing as an empty field, minimal quoting, `\n` line ends).
 * Python tells an int from a float, and pandas types each column from all its cells: a column
 * with no missing cell (`pd.NA`) that holds ints beside floats or nulls becomes float64, and
 * its ints are written `3.0`; any other column is written cell by cell.
 */
import { formatTableVerbatim } from '../../../sheets/table-text';
import { numberValue, pythonFloatRepr, type JsonNode } from '../../../sidecar';

/** One cell: pandas' missing value, Python's None, an int (its digits), a float, a str or a bool. */
export type PyCell =
  | { readonly kind: 'na' }
  | { readonly kind: 'none' }
  | { readonly kind: 'int'; readonly digits: string }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'str'; readonly value: string }
  | { readonly kind: 'bool'; readonly value: boolean };

/** pandas' missing value (`pd.NA`). */
export const NA: PyCell = { kind: 'na' };
/** A Python str. */
export const pyStr = (value: string): PyCell => ({ kind: 'str', value });
/** A Python int. */
export const pyInt = (value: number | bigint): PyCell => ({ kind: 'int', digits: BigInt(value).toString() });
/** A Python float. */
export const pyFloatCell = (value: number): PyCell => ({ kind: 'float', value });
/** A Python bool. */
export const pyBool = (value: boolean): PyCell => ({ kind: 'bool', value });

/** A sidecar value acqstore cannot read or pool (a list where a value belongs): it would stop there. */
export class UnreadableValue extends Error {}

/** What Python's `json` reads a scalar JSON value as: `1` an int, `1.0`, `1e3` and `NaN` floats. */
export function cellOfJson(node: JsonNode): PyCell {
  switch (node.kind) {
    case 'string':
      return pyStr(node.value);
    case 'number':
      return /^-?\d+$/.test(node.text) ? pyInt(BigInt(node.text)) : pyFloatCell(numberValue(node));
    case 'literal':
      return node.value === null ? { kind: 'none' } : pyBool(node.value);
    default:
      throw new UnreadableValue(`a ${node.kind === 'array' ? 'list' : 'JSON object'} where a value is expected`);
  }
}

/** A float as pandas writes it: Python's repr, `inf`, and nothing for NaN. */
function floatText(value: number): string {
  if (Number.isNaN(value)) return '';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  return pythonFloatRepr(value);
}

/** A cell as `str()` writes it; missing cells are empty. */
export function cellText(cell: PyCell): string {
  switch (cell.kind) {
    case 'na':
    case 'none':
      return '';
    case 'int':
      return cell.digits;
    case 'float':
      return floatText(cell.value);
    case 'str':
      return cell.value;
    case 'bool':
      return cell.value ? 'True' : 'False';
  }
}

const INT64_MAX = 2n ** 63n - 1n;
const fitsInt64 = (digits: string): boolean => {
  const value = BigInt(digits);
  return value <= INT64_MAX && value >= -INT64_MAX - 1n;
};

/** Whether pandas makes the column float64 from ints: no missing cell, no str or bool, ints beside floats or Nones. */
function promotesInts(cells: readonly PyCell[]): boolean {
  let ints = false;
  let floatsOrNones = false;
  for (const cell of cells) {
    if (cell.kind === 'na' || cell.kind === 'str' || cell.kind === 'bool') return false;
    if (cell.kind === 'int') {
      if (!fitsInt64(cell.digits)) return false;
      ints = true;
    } else floatsOrNones = true;
  }
  return ints && floatsOrNones;
}

/** The CSV `to_csv(index=False)` writes of a table with these columns and rows (each row a cell per column). */
export function pandasCsv(columns: readonly string[], rows: readonly (readonly PyCell[])[]): string {
  const promoted = columns.map((_, i) => promotesInts(rows.map((row) => row[i] ?? NA)));
  const text = rows.map((row) =>
    columns.map((_, i) => {
      const cell = row[i] ?? NA;
      return promoted[i] === true && cell.kind === 'int' ? floatText(Number(cell.digits)) : cellText(cell);
    }),
  );
  return formatTableVerbatim([[...columns], ...text], 'csv', '\n');
}
