/**
 * Reads the sidecars of many images into the results table (read-only: nothing is written).
 */
import { buildResultsTable, readAnalyses, type ResultsSource, type ResultsTable } from '../../../shared/analysis';
import type { ImageEntry } from '../folder';
import { readSidecarsInOrder, type SkippedImage } from '../rows';

/** The table and the images whose sidecars could not be read (they have no rows). */
export interface CollectedResults {
  table: ResultsTable;
  skipped: SkippedImage[];
}

/**
 * Builds the results table of `entries` (in their order) from their sidecars. Images without
 * a sidecar add no rows; invalid sidecars are listed in `skipped`.
 */
export async function collectResults(
  root: string,
  entries: AsyncIterable<ImageEntry> | Iterable<ImageEntry>,
): Promise<CollectedResults> {
  const sources: ResultsSource[] = [];
  const skipped: SkippedImage[] = [];
  for await (const { entry, read: sidecar } of readSidecarsInOrder(root, entries, skipped)) {
    if (sidecar.state !== 'ok') continue;
    const analyses = readAnalyses(sidecar.sidecar);
    if (analyses.length > 0) sources.push({ path: entry.relPath, values: sidecar.sidecar.fieldValues(), analyses });
  }
  return { table: buildResultsTable(sources), skipped };
}
