/**
 * Exports a folder's images (or some of them) as a table file: the one export of the command
 * line and the app.
 */
import type { ExportRow, TableExportFormat } from '../../../shared/sheets/table-export';
import type { ImageEntry } from '../folder';
import { readSidecarsInOrder, storedValues, type SkippedImage } from '../rows';
import { encodeExport, type ExportFile } from './table-file';

/** An export: the file, and the images left out because their sidecar is invalid. */
export interface FolderExport {
  file: ExportFile;
  /** Images written. */
  count: number;
  skipped: SkippedImage[];
}

/**
 * Reads the sidecar of every entry (images without one export their defaults) and encodes
 * the rows in `format`; `root` is the folder the entries' paths are relative to.
 */
export async function exportFolder(
  root: string,
  folderName: string,
  entries: AsyncIterable<ImageEntry> | Iterable<ImageEntry>,
  format: TableExportFormat,
): Promise<FolderExport> {
  const rows: ExportRow[] = [];
  const skipped: SkippedImage[] = [];
  for await (const { entry, read } of readSidecarsInOrder(root, entries, skipped))
    if (read.state !== 'invalid') rows.push({ path: entry.relPath, values: storedValues(read) });
  return { file: await encodeExport(format, rows, folderName), count: rows.length, skipped };
}
