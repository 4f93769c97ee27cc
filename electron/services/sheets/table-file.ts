/**
 * Table files in and out: CSV, TSV and XLSX for export and import, and the OMERO bulk
 * annotation CSV for export. The one engine of the command line and the app.
 */
import { omeroTable, type OmeroTable } from '../../../shared/sheets/omero-table';
import {
  acquisitionTableCell,
  acquisitionValueCell,
  valueCell,
  valueTableCell,
  type SheetTable,
} from '../../../shared/sheets/sheet-cell';
import {
  exportTable,
  type ExportOptions,
  type ExportRow,
  type TableExportFormat,
} from '../../../shared/sheets/table-export';
import {
  decodeTableText,
  formatTable,
  formatTableVerbatim,
  parseTable,
  sniffTableFormat,
  TableSyntaxError,
} from '../../../shared/sheets/table-text';
import { readWorkbook, writeWorkbook } from './xlsx-file';

/** An encoded export, ready to be saved or downloaded. */
export interface ExportFile {
  bytes: Uint8Array;
  mimeType: string;
  /** File name ending, e.g. `.csv` or `-omero.csv`. */
  suffix: string;
  /** Things the user should know about the file (e.g. OMERO's `--allow_nan`). */
  notes: string[];
}

/** Media types of the table file formats. */
export const TABLE_MIME_TYPES = {
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * Encodes the rows of the folder named `folderName` in `format`; with `options.acquisition`,
 * the acquisition columns follow the fields (numbers as numbers, unknown values empty).
 */
export async function encodeExport(
  format: TableExportFormat,
  rows: readonly ExportRow[],
  folderName: string,
  options: ExportOptions = {},
): Promise<ExportFile> {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const acquisition = options.acquisition === true;
  switch (format) {
    case 'csv':
    case 'tsv': {
      const table = exportTable(rows, valueTableCell, acquisition ? acquisitionTableCell : undefined);
      return {
        bytes: utf8(formatTable(table, format)),
        mimeType: TABLE_MIME_TYPES[format],
        suffix: `.${format}`,
        notes: [],
      };
    }
    case 'xlsx':
      return {
        bytes: await writeWorkbook(exportTable(rows, valueCell, acquisition ? acquisitionValueCell : undefined)),
        mimeType: TABLE_MIME_TYPES.xlsx,
        suffix: '.xlsx',
        notes: [],
      };
    case 'omero': {
      const omero = omeroTable(rows, folderName, options);
      return {
        bytes: utf8(formatTableVerbatim(omero.table, 'csv')),
        mimeType: TABLE_MIME_TYPES.csv,
        suffix: '-omero.csv',
        notes: omeroNotes(omero),
      };
    }
  }
}

/**
 * What to know before running populate: empty number cells need `--allow_nan`; text that a
 * spreadsheet would run as a formula is written as it is, for OMERO to store as it is.
 */
function omeroNotes({ emptyNumbers, formulaLike }: OmeroTable): string[] {
  const notes: string[] = [];
  if (emptyNumbers.length > 0)
    notes.push(
      `${emptyNumbers.join(', ')} ha${emptyNumbers.length === 1 ? 's' : 've'} empty cells: run omero metadata populate with --allow_nan (they become NaN)`,
    );
  if (formulaLike > 0)
    notes.push(
      `${formulaLike} cell${formulaLike === 1 ? ' starts' : 's start'} like a formula (=, +, -, @): kept as written for OMERO, so do not open this file in a spreadsheet program`,
    );
  return notes;
}

/** The format an export file name asks for (`.tsv`, `.xlsx`; `.csv` and anything else: CSV). */
export function exportFormatOfName(fileName: string): Exclude<TableExportFormat, 'omero'> {
  if (/\.xlsx$/i.test(fileName)) return 'xlsx';
  return /\.(tsv|tab)$/i.test(fileName) ? 'tsv' : 'csv';
}

/** A table file that cannot be read; `row` is where, when known. */
export class TableFileError extends Error {
  constructor(
    readonly row: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'TableFileError';
  }
}

/** Whether bytes are a ZIP archive, as every XLSX workbook is. */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Reads a table file: a workbook by its content (a ZIP), else delimited text by name and
 * content. Throws {@link TableFileError} when it cannot be read.
 */
export async function decodeTable(fileName: string, bytes: Uint8Array): Promise<SheetTable> {
  if (isZip(bytes)) {
    try {
      return await readWorkbook(bytes);
    } catch (error) {
      throw new TableFileError(null, `${fileName} is not a workbook that can be read: ${(error as Error).message}`);
    }
  }
  if (/\.xls[xmb]?$/i.test(fileName))
    throw new TableFileError(null, `${fileName} is not an XLSX workbook (save it as .xlsx, CSV or TSV)`);
  const text = decodeTableText(bytes);
  try {
    return parseTable(text, sniffTableFormat(fileName, text));
  } catch (error) {
    if (error instanceof TableSyntaxError) throw new TableFileError(error.line, error.message);
    throw error;
  }
}
