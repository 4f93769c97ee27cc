/**
 * Delimited tables (CSV and TSV) as RFC 4180 describes them: quoted fields, CRLF line ends.
 *
 * Tables for spreadsheet programs ({@link formatTable}, {@link parseTable}) escape text cells
 * that a spreadsheet would run as formulas, and undo it on reading (see `formula-escape.ts`);
 * tables for other programs ({@link formatTableVerbatim}) hold every cell as it is.
 */
import { escapeFormulaText, unescapeFormulaText } from './formula-escape';

/**
 * The delimited formats and their delimiters; `semicolon` is the CSV that spreadsheet programs
 * write where the comma is the decimal separator.
 */
export const TABLE_DELIMITERS = { csv: ',', tsv: '\t', semicolon: ';' } as const;

/** A table format name. */
export type TableFormat = keyof typeof TABLE_DELIMITERS;

/**
 * The text of a table file: UTF-8 (with or without a byte-order mark), UTF-16 with its mark
 * (spreadsheets' "Unicode text"), else Windows-1252 (the "CSV" of older spreadsheet programs).
 */
export function decodeTableText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * The format of a table's text: TSV by a `.tsv`/`.tab` name or a tab in the first line;
 * otherwise CSV, with semicolons when the first line has semicolons and no commas.
 */
export function sniffTableFormat(fileName: string, text: string): TableFormat {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (/\.(tsv|tab)$/i.test(fileName) || (!/\.csv$/i.test(fileName) && firstLine.includes('\t'))) return 'tsv';
  return firstLine.includes(';') && !firstLine.includes(',') ? 'semicolon' : 'csv';
}

/** A number cell of a spreadsheet table, as its text (`75.0`, `-5`, `1e-05`, `inf`): never escaped. */
export interface TableNumber {
  readonly number: string;
}

/** A cell of a spreadsheet table: text (escaped against formulas when written) or a number. */
export type TableCell = string | TableNumber;

/** A number's text as a cell that is written as it is. */
export function tableNumber(text: string): TableNumber {
  return { number: text };
}

/**
 * Formats a table for spreadsheet programs: text cells that a spreadsheet would read as a
 * formula get a leading `'` ({@link escapeFormulaText}), numbers are written as they are.
 */
export function formatTable(rows: readonly (readonly TableCell[])[], format: TableFormat): string {
  return formatTableVerbatim(
    rows.map((row) => row.map((cell) => (typeof cell === 'string' ? escapeFormulaText(cell) : cell.number))),
    format,
  );
}

/**
 * Formats rows with every cell as it is, for programs that are not spreadsheets (OMERO's
 * populate, pandas), quoting fields that hold the delimiter, a quote or a line break; each row
 * ends with `lineEnd` (CRLF, as RFC 4180 has it, unless told otherwise).
 */
export function formatTableVerbatim(
  rows: readonly (readonly string[])[],
  format: TableFormat,
  lineEnd = '\r\n',
): string {
  const delimiter = TABLE_DELIMITERS[format];
  const quote = (field: string): string =>
    field.includes(delimiter) || /["\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
  return rows.map((row) => `${row.map(quote).join(delimiter)}${lineEnd}`).join('');
}

/** A malformed table; `line` is 1-based. */
export class TableSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'TableSyntaxError';
  }
}

/**
 * Parses a table written for spreadsheet programs: {@link parseTableVerbatim}, then every cell
 * with its escape against formulas undone ({@link unescapeFormulaText}).
 */
export function parseTable(text: string, format: TableFormat): string[][] {
  return parseTableVerbatim(text, format).map((row) => row.map(unescapeFormulaText));
}

/**
 * Parses a table, every cell as it is; a leading byte-order mark and a final line break are
 * ignored. Accepts CRLF and LF line ends. Throws {@link TableSyntaxError} on a quote that never
 * closes or text after a closing quote. Reads no further than `maxRows` rows (blank ones
 * included), so a caller that gets `maxRows` back cannot tell whether more follow.
 */
export function parseTableVerbatim(text: string, format: TableFormat, maxRows = Infinity): string[][] {
  const delimiter = TABLE_DELIMITERS[format];
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let line = 1;
  let i = 0;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === '"' && field === '') {
      const start = line;
      i++;
      for (;;) {
        if (i >= source.length) throw new TableSyntaxError(start, 'a quoted field never ends');
        const q = source[i] as string;
        if (q === '"' && source[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (q === '"') {
          i++;
          break;
        } else {
          if (q === '\n') line++;
          field += q;
          i++;
        }
      }
      const next = source[i];
      if (next !== undefined && next !== delimiter && next !== '\r' && next !== '\n') {
        throw new TableSyntaxError(line, 'text after a closing quote');
      }
      if (next === undefined) break;
      continue;
    }
    if (ch === delimiter) {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endField();
      rows.push(row);
      if (rows.length >= maxRows) return rows;
      row = [];
      line++;
      i += ch === '\r' && source[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length > 0 || (source.length > 0 && !/[\r\n]$/.test(source))) {
    endField();
    rows.push(row);
  }
  return rows;
}
