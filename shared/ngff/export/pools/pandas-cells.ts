/**
 * A table's cells as pandas holds and writes them: `pd.DataFrame(rows, columns=…).to_csv(
 * index=False)` (pandas' defaults: missing as an empty field, minimal quoting, `\n` line ends).
 * Python tells an int from a float, and pandas types each column from all its cells: a column
 * with no missing cell (`pd.NA`) that holds ints beside floats or nulls becomes float64, and
 * its ints are written `3.0`; any other column is written cell by cell.
 */
import { formatTableVerbatim, parseTableVerbatim } from '../../../sheets/table-text';
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

/** A sidecar value acqstore cannot pool: its pool (and so its export) would fail there. */
export class UnreadableValue extends Error {}

/** What Python's `json` reads a scalar JSON value as: `1` an int, `1.0`, `1e3` and `NaN` floats; null for a list or an object. */
export function scalarCell(node: JsonNode): PyCell | null {
  switch (node.kind) {
    case 'string':
      return pyStr(node.value);
    case 'number':
      return /^-?\d+$/.test(node.text) ? pyInt(BigInt(node.text)) : pyFloatCell(numberValue(node));
    case 'literal':
      return node.value === null ? { kind: 'none' } : pyBool(node.value);
    default:
      return null;
  }
}

/** A float as pandas writes it: Python's repr, `inf`, and nothing for NaN. */
function floatText(value: number): string {
  if (Number.isNaN(value)) return '';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  return pythonFloatRepr(value);
}

/** A cell as pandas writes it in a column it leaves as it is; missing cells are empty. */
function cellText(cell: PyCell): string {
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
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The length of the text {@link PandasTable.csv} yields at a time. */
const PIECE_LENGTH = 1 << 20;

/** What a column has held so far, for pandas' typing of it. */
interface ColumnKinds {
  /** A cell that keeps the column as Python objects: missing (pd.NA), a str, a bool, an int past int64. */
  objects: boolean;
  ints: boolean;
  floatsOrNones: boolean;
}

/**
 * A table written as pandas writes it, its rows kept as text (a few hundred bytes each) while
 * each column's kinds are noted; ints are written again as floats, at the end, in a column
 * pandas would make float64.
 */
export class PandasTable {
  private readonly kinds: ColumnKinds[];

  constructor(readonly columns: readonly string[]) {
    this.kinds = columns.map(() => ({ objects: false, ints: false, floatsOrNones: false }));
  }

  /** Throws {@link UnreadableValue} for a row pandas cannot write (a text that is not valid Unicode). */
  static check(cells: readonly PyCell[]): void {
    for (const cell of cells)
      if (cell.kind === 'str' && LONE_SURROGATE.test(cell.value))
        throw new UnreadableValue(`a text is not valid Unicode (it holds half of a surrogate pair)`);
  }

  /** The row's CSV line (no line end), its column kinds noted; `cells` in the columns' order. */
  row(cells: readonly PyCell[]): string {
    const fields = this.columns.map((_, i) => {
      const cell = cells[i] ?? NA;
      const kinds = this.kinds[i] as ColumnKinds;
      if (cell.kind === 'int' && fitsInt64(cell.digits)) kinds.ints = true;
      else if (cell.kind === 'float' || cell.kind === 'none') kinds.floatsOrNones = true;
      else kinds.objects = true;
      return cellText(cell);
    });
    return formatTableVerbatim([fields], 'csv', '');
  }

  /** The CSV of the header and these lines (made by {@link row}), in this order, in pieces of about a MiB. */
  *csv(lines: Iterable<string>): Generator<string> {
    const promoted = this.kinds.flatMap((k, i) => (!k.objects && k.ints && k.floatsOrNones ? [i] : []));
    let piece = `${formatTableVerbatim([this.columns], 'csv', '')}\n`;
    for (const line of lines) {
      piece += `${promoted.length === 0 ? line : promote(line, promoted)}\n`;
      if (piece.length >= PIECE_LENGTH) {
        yield piece;
        piece = '';
      }
    }
    yield piece;
  }
}

/** The line with the ints of the promoted columns written as floats (`2` → `2.0`). */
function promote(line: string, columns: readonly number[]): string {
  const fields = parseTableVerbatim(line, 'csv')[0] ?? [];
  for (const i of columns) {
    const field = fields[i];
    if (field !== undefined && /^-?\d+$/.test(field)) fields[i] = floatText(Number(field));
  }
  return formatTableVerbatim([fields], 'csv', '');
}
