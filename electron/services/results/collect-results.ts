/**
 * Reads the sidecars of many images into the results table (read-only: nothing is written).
 */
import { buildResultsTable, readAnalyses, type ResultsSource, type ResultsTable } from '../../../shared/analysis';
import type { ImageEntry } from '../folder';
import { mapInOrder, readEntrySidecar } from '../rows';
import type { SkippedImage } from '../sheets/folder-export';

/** The table and the images whose sidecars could not be read (they have no rows). */
export interface CollectedResults {
  table: ResultsTable;
  skipped: SkippedImage[];
}

/** Sidecars read at once. */
const IN_FLIGHT = 32;

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
  const read = async (entry: ImageEntry) => ({ entry, read: await readEntrySidecar(root, entry) });
  for await (const { entry, read: sidecar } of mapInOrder(entries, IN_FLIGHT, read)) {
    if (sidecar.state === 'invalid')
      skipped.push({ path: entry.relPath, message: `invalid sidecar: ${sidecar.problems.join('; ')}` });
    if (sidecar.state !== 'ok') continue;
    const analyses = readAnalyses(sidecar.sidecar);
    if (analyses.length > 0) sources.push({ path: entry.relPath, values: sidecar.sidecar.fieldValues(), analyses });
  }
  return { table: buildResultsTable(sources), skipped };
}
