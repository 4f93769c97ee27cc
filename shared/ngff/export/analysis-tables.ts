/**
 * The result tables of an image's analyses as a collection holds them. acqstore keeps an image's
 * results beside it, one CSV per analysis name (`x.tif.radon_velocity.csv`), the rows of every
 * channel and ROI together in columns `channel` and `roi_id`; a collection holds each analysis's
 * own rows, those two columns dropped, at `acqstore/analysis/<id>.table.csv` (written as pandas'
 * `to_csv(index=False)` writes: minimal quoting, `\n` line ends). Cells are kept as the source
 * CSV writes them.
 */
import { formatTableVerbatim, parseTableVerbatim, TableSyntaxError } from '../../sheets/table-text';
import { analysisId, type ExportAnalysis } from './collection-documents';
import { ExportRefusal } from './export-image';

/** The name of the CSV acqstore keeps beside `imageName` for the analyses named `analysisName`. */
export const analysisCsvName = (imageName: string, analysisName: string): string => `${imageName}.${analysisName}.csv`;

/**
 * Each of `analyses` (all named as the CSV is) with its rows of the CSV `text`, by
 * {@link analysisId}; an analysis without rows is left out. Refuses a CSV that cannot be read
 * or has no `channel` and `roi_id` columns, as acqstore does.
 */
export function analysisTables(
  text: string,
  csvName: string,
  analyses: readonly ExportAnalysis[],
): Map<string, string> {
  let rows: string[][];
  try {
    rows = parseTableVerbatim(text, 'csv');
  } catch (error) {
    if (!(error instanceof TableSyntaxError)) throw error;
    throw new ExportRefusal(`${csvName} cannot be read: ${error.message}`);
  }
  const [header = [], ...body] = rows;
  const channelAt = header.indexOf('channel');
  const roiAt = header.indexOf('roi_id');
  if (channelAt < 0 || roiAt < 0) throw new ExportRefusal(`${csvName} has no channel and roi_id columns`);
  const kept = (row: readonly string[]): string[] => row.filter((_, i) => i !== channelAt && i !== roiAt);
  const numberIn = (cell: string | undefined): number =>
    cell === undefined || cell.trim() === '' ? NaN : Number(cell);
  const tables = new Map<string, string>();
  for (const analysis of analyses) {
    const own = body.filter(
      (row) => numberIn(row[channelAt]) === analysis.channel && numberIn(row[roiAt]) === analysis.roiId,
    );
    if (own.length > 0)
      tables.set(analysisId(analysis), formatTableVerbatim([kept(header), ...own.map(kept)], 'csv', '\n'));
  }
  return tables;
}
