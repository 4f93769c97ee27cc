/**
 * What importing a table file into the open folder would change, computed against the
 * sidecars on disk. Writes nothing: the command line then applies the rows through the one
 * save path, the app through its edit history and save.
 */
import { ApiFailure } from '../../../shared/errors';
import type { SidecarVersion } from '../../../shared/api';
import type { FieldValues } from '../../../shared/fields/field-table';
import {
  planRows,
  readLayout,
  readRows,
  type ImportError,
  type ImportPreview,
  type RowTarget,
  type TableLayout,
} from '../../../shared/sheets/table-import';
import { pathOnDisk, resolveImage, type ImageEntry, type OpenFolder } from '../folder';
import { createProfileCache, createProfileFinder } from '../profile';
import { mapInOrder, readEntrySidecar, scanImage, storedValues, type SidecarRead } from '../rows';
import { ProfileRefusal, saveImageChanges, type SaveContext } from '../save';
import type { TiffScanner } from '../tiff';
import { decodeTable, TableFileError } from './table-file';

/** A row that changes its image: the sidecar as read (the write expects that version). */
export interface ChangedRow {
  row: number;
  entry: ImageEntry;
  read: SidecarRead;
  changes: FieldValues;
}

/** The preview, and the rows to write when it has no errors. */
export interface TableImport {
  preview: ImportPreview;
  changed: ChangedRow[];
}

/** Rows looked up at once. */
const IN_FLIGHT = 16;

type Looked = { target: RowTarget; entry?: ImageEntry; read?: SidecarRead };

/**
 * The image a row's path names: as written, else the file whose name is the same under NFC
 * (typed or saved on another system, `café` composed in the table and decomposed on disk).
 */
async function resolveRowImage(folder: OpenFolder, path: string): Promise<ImageEntry> {
  try {
    return await resolveImage(folder, path);
  } catch (error) {
    const onDisk =
      error instanceof ApiFailure && error.code === 'NOT_FOUND' ? await pathOnDisk(folder.root, path) : null;
    if (onDisk === null || onDisk === path) throw error;
    return resolveImage(folder, onDisk);
  }
}

/** Looks a row's path up: an image inside the folder with a readable sidecar, or why not. */
async function lookUp(folder: OpenFolder, path: string): Promise<Looked> {
  let entry: ImageEntry;
  try {
    entry = await resolveRowImage(folder, path);
  } catch (error) {
    if (error instanceof ApiFailure && error.code === 'NOT_FOUND')
      return { target: { kind: 'unmatched', message: `${error.message.replace(/\.$/, '')}: no image here.` } };
    if (error instanceof ApiFailure) return { target: { kind: 'error', message: error.message } };
    throw error;
  }
  const read = await readEntrySidecar(folder.root, entry);
  if (read.state === 'invalid')
    return { target: { kind: 'error', message: `invalid sidecar, left as it is: ${read.problems.join('; ')}` } };
  return { target: { kind: 'image', values: storedValues(read) }, entry, read };
}

const failed = (errors: ImportError[]): TableImport => ({
  preview: { rows: 0, changes: [], errors, warnings: [] },
  changed: [],
});

/**
 * Why a changed row cannot be written, asked of the one save path in a dry run: the lab
 * profile's refusals named by column, else an invalid sidecar or an image whose sidecar cannot
 * be created (its TIFF cannot be read), on the path column.
 */
async function writeProblems(row: ChangedRow, context: SaveContext, layout: TableLayout): Promise<ImportError[]> {
  try {
    await saveImageChanges(row.entry, { changes: row.changes, expected: versionRead(row.read) }, context);
    return [];
  } catch (error) {
    if (error instanceof ProfileRefusal) {
      const column = (field: string | null) =>
        layout.names[layout.fields.findIndex((spec) => spec?.name === field)] ?? field;
      return error.problems.map((p) => ({
        row: row.row,
        column: column(p.field),
        message: `${row.entry.relPath}: ${p.message}`,
      }));
    }
    if (!(error instanceof ApiFailure)) throw error;
    return [{ row: row.row, column: 'path', message: `${row.entry.relPath}: ${error.message}` }];
  }
}

/** The version a write of a row expects: the one its sidecar was read at (null: none). */
export function versionRead(read: SidecarRead): SidecarVersion | null {
  return read.state === 'missing' ? null : read.version;
}

/**
 * Reads a table file and compares every row with the sidecars of `folder`; every changed row
 * must be one the save path would write (a new sidecar takes its header from `scanner`).
 */
export async function previewTableImport(
  fileName: string,
  bytes: Uint8Array,
  folder: OpenFolder,
  scanner: TiffScanner,
): Promise<TableImport> {
  let table;
  try {
    table = await decodeTable(fileName, bytes);
  } catch (error) {
    if (error instanceof TableFileError) return failed([{ row: error.row, column: null, message: error.message }]);
    throw error;
  }
  const layout = readLayout(table);
  if (!layout.ok) return failed(layout.errors);
  const { rows, errors } = readRows(table, layout.layout);
  const looked: Looked[] = [];
  for await (const item of mapInOrder(rows, IN_FLIGHT, (row) => lookUp(folder, row.path))) looked.push(item);
  // A row names its image by the image's name on disk from here on (the app edits that row).
  const named = rows.map((row, i) => ({ ...row, path: looked[i]?.entry?.relPath ?? row.path }));
  const { preview, rowChanges } = planRows(
    layout.layout,
    named,
    looked.map((l) => l.target),
  );
  const byRow = new Map(named.map((row, i) => [row.row, looked[i] as Looked]));
  const changed = rowChanges.flatMap(({ row, changes }) => {
    const { entry, read } = byRow.get(row) ?? {};
    return entry === undefined || read === undefined ? [] : [{ row, entry, read, changes }];
  });
  const context: SaveContext = {
    header: (entry) => scanImage(scanner, entry.absPath),
    profiles: createProfileFinder(createProfileCache(), { root: folder.root }),
    dryRun: true,
  };
  const unwritable: ImportError[] = [];
  for await (const problems of mapInOrder(changed, IN_FLIGHT, (row) => writeProblems(row, context, layout.layout)))
    unwritable.push(...problems);
  preview.errors = [...errors, ...preview.errors, ...unwritable].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { preview, changed };
}
