/**
 * Delimited tables (CSV and TSV) as RFC 4180 describes them: quoted fields, CRLF line ends.
 */

/** The two table formats and their delimiters. */
export const TABLE_DELIMITERS = { csv: ',', tsv: '\t' } as const;

/** A table format name. */
export type TableFormat = keyof typeof TABLE_DELIMITERS;

/** Formats rows, quoting fields that hold the delimiter, a quote or a line break. */
export function formatTable(rows: readonly (readonly string[])[], format: TableFormat): string {
  const delimiter = TABLE_DELIMITERS[format];
  const quote = (field: string): string =>
    field.includes(delimiter) || /["\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
  return rows.map((row) => `${row.map(quote).join(delimiter)}\r\n`).join('');
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
 * Parses a table; a leading byte-order mark and a final line break are ignored.
 *
 * Accepts CRLF and LF line ends. Throws {@link TableSyntaxError} on a quote that never closes
 * or text after a closing quote.
 */
export function parseTable(text: string, format: TableFormat): string[][] {
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
