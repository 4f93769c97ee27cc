/**
 * Exports a folder's images (or some of them) as a table file: the one export of the command
 * line and the app.
 */
import { readsFileHeader } from '../../../shared/image-format';
import type { ExportRow, TableExportFormat } from '../../../shared/sheets/table-export';
import type { ImageEntry } from '../folder';
import {
  mapInOrder,
  readSidecarsInOrder,
  scanImage,
  storedValues,
  type ImageScan,
  type SidecarRead,
  type SkippedImage,
} from '../rows';
import type { TiffScanner } from '../tiff';
import { encodeExport, type ExportFile } from './table-file';

/** An export: the file, and the images left out because their sidecar is invalid. */
export interface FolderExport {
  file: ExportFile;
  /** Images written. */
  count: number;
  skipped: SkippedImage[];
}

/** What an export holds besides the fields. */
export interface FolderExportOptions {
  /** Adds the acquisition columns, each image's header read through this scanner. */
  acquisition?: TiffScanner;
}

/** Headers read at once for the acquisition columns (the scanner's pool queues what it cannot start yet). */
const HEADERS_IN_FLIGHT = 64;

/** An entry with its sidecar read and, for the acquisition columns, its header (null: not read). */
interface EntryRead {
  entry: ImageEntry;
  read: SidecarRead;
  header: ImageScan | null;
}

/** Adds each exported entry's header, read through `scanner` (none: no header is read). */
async function* withHeaders(
  reads: AsyncIterable<{ entry: ImageEntry; read: SidecarRead }>,
  scanner: TiffScanner | undefined,
): AsyncGenerator<EntryRead> {
  if (scanner === undefined) {
    for await (const item of reads) yield { ...item, header: null };
    return;
  }
  const readHeader = async (item: { entry: ImageEntry; read: SidecarRead }): Promise<EntryRead> => ({
    ...item,
    header:
      item.read.state !== 'invalid' && readsFileHeader(item.entry.format)
        ? await scanImage(scanner, item.entry.absPath)
        : null,
  });
  yield* mapInOrder(reads, HEADERS_IN_FLIGHT, readHeader);
}

/**
 * Reads the sidecar of every entry (images without one export their defaults) and encodes
 * the rows in `format`; `root` is the folder the entries' paths are relative to. With
 * `options.acquisition`, every image's header is read too and the acquisition columns follow
 * the fields; an image whose header cannot be read gets empty ones, and a note says so.
 */
export async function exportFolder(
  root: string,
  folderName: string,
  entries: AsyncIterable<ImageEntry> | Iterable<ImageEntry>,
  format: TableExportFormat,
  options: FolderExportOptions = {},
): Promise<FolderExport> {
  const rows: ExportRow[] = [];
  const skipped: SkippedImage[] = [];
  let unread = 0;
  for await (const { entry, read, header } of withHeaders(
    readSidecarsInOrder(root, entries, skipped),
    options.acquisition,
  )) {
    if (read.state === 'invalid') continue;
    if (header?.ok === false) unread++;
    const acquisition = header?.ok === true ? header.info.acquisition : undefined;
    rows.push({
      path: entry.relPath,
      values: storedValues(read),
      ...(acquisition === undefined ? {} : { acquisition }),
    });
  }
  const acquisition = options.acquisition !== undefined;
  const file = await encodeExport(format, rows, folderName, { acquisition });
  if (unread > 0)
    file.notes.push(
      `${unread} image${unread === 1 ? "'s file" : "s' files"} could not be read: ${unread === 1 ? 'its' : 'their'} acquisition columns are empty`,
    );
  return { file, count: rows.length, skipped };
}
