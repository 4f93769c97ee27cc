/**
 * The results table as a file: CSV or TSV (UTF-8, RFC 4180 quoting, CRLF line ends) or an XLSX
 * workbook (numbers as numbers), for `acqmeta results` and the app's Export results alike.
 */
import { resultsSheet, type ResultsFormat, type ResultsTable } from '../../../shared/analysis';
import { formatTable } from '../../../shared/sheets/table-text';
import { TABLE_MIME_TYPES, type ExportFile } from '../sheets/table-file';
import { writeWorkbook } from '../sheets/xlsx-file';

/** What a user of the file should know: how NaN and infinities are written. */
const NOTE = 'NaN summary values are empty cells; Infinity is written inf (-inf).';

/** Writes `table` in `format` (file name ending `-results.csv`, `-results.xlsx`, ...). */
export async function resultsFile(table: ResultsTable, format: ResultsFormat): Promise<ExportFile> {
  const notes = table.rows.length > 0 ? [NOTE] : [];
  const suffix = `-results.${format}`;
  if (format === 'xlsx')
    return { bytes: await writeWorkbook(resultsSheet(table)), mimeType: TABLE_MIME_TYPES[format], suffix, notes };
  const text = formatTable([table.columns.map((c) => c.name), ...table.rows], format);
  return { bytes: new TextEncoder().encode(text), mimeType: TABLE_MIME_TYPES[format], suffix, notes };
}
