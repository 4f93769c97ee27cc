/**
 * The results table as a file: CSV or TSV (UTF-8, RFC 4180 quoting, CRLF line ends).
 *
 * Every results file is made here, for `acqmeta results` and the app's Export results alike:
 * a new format (XLSX) is one more case in {@link resultsFile} and one more entry in
 * `RESULTS_FORMATS` (shared/api.ts).
 */
import type { ResultsTable } from '../../../shared/analysis';
import type { ResultsFormat } from '../../../shared/api';
import { formatTable } from '../../cli/table-text';

/** A results file: its suggested name, media type and bytes. */
export interface ResultsFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

/** Writes `table` in `format`; `baseName` names the file (`<baseName>-results.csv`). */
export function resultsFile(table: ResultsTable, format: ResultsFormat, baseName: string): ResultsFile {
  const rows = [table.columns.map((c) => c.name), ...table.rows];
  const fileName = `${baseName}-results.${format}`;
  switch (format) {
    case 'csv':
      return { fileName, mimeType: 'text/csv; charset=utf-8', bytes: Buffer.from(formatTable(rows, 'csv'), 'utf8') };
    case 'tsv':
      return { fileName, mimeType: 'text/tab-separated-values; charset=utf-8', bytes: Buffer.from(formatTable(rows, 'tsv'), 'utf8') };
  }
}
