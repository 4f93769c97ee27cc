/**
 * Exports a folder's images (or some of them) as a table file: the one export of the command
 * line and the app.
 */
import type { ExportRow, TableExportFormat } from '../../../shared/sheets/table-export';
import type { ImageEntry } from '../folder';
import { mapInOrder, readEntrySidecar, storedValues } from '../rows';
import { encodeExport, type ExportFile } from './table-file';

/** An image left out of an export, and why. */
export interface SkippedImage {
  path: string;
  message: string;
}

/** An export: the file, and the images left out because their sidecar is invalid. */
export interface FolderExport {
  file: ExportFile;
  /** Images written. */
  count: number;
  skipped: SkippedImage[];
}

/** Sidecars read at once. */
const IN_FLIGHT = 32;

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
  const read = async (entry: ImageEntry) => ({ entry, read: await readEntrySidecar(root, entry) });
  for await (const { entry, read: sidecar } of mapInOrder(entries, IN_FLIGHT, read)) {
    if (sidecar.state === 'invalid')
      skipped.push({ path: entry.relPath, message: `invalid sidecar: ${sidecar.problems.join('; ')}` });
    else rows.push({ path: entry.relPath, values: storedValues(sidecar) });
  }
  return { file: await encodeExport(format, rows, folderName), count: rows.length, skipped };
}
