/**
 * What importing a table file into the open folder would change, computed against the
 * sidecars on disk. Writes nothing: the command line then applies the rows through the one
 * save path, the app through its edit history and save.
 */
import { ApiFailure } from '../../../shared/errors';
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
import { resolveImage, type ImageEntry, type OpenFolder } from '../folder';
import { createProfileChecker, type ProfileChecker } from '../profile';
import { mapInOrder, readEntrySidecar, scanImage, storedValues, type SidecarRead } from '../rows';
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

/** Looks a row's path up: an image inside the folder with a readable sidecar, or why not. */
async function lookUp(folder: OpenFolder, path: string): Promise<Looked> {
  let entry: ImageEntry;
  try {
    entry = await resolveImage(folder, path);
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

/** Why a sidecar cannot be created for a changed row (its TIFF cannot be read), or null. */
async function creationProblem(row: ChangedRow, scanner: TiffScanner): Promise<ImportError | null> {
  if (row.read.state !== 'missing') return null;
  const scan = await scanImage(scanner, row.entry.absPath);
  return scan.ok
    ? null
    : { row: row.row, column: 'path', message: `${row.entry.relPath}: cannot create a sidecar: ${scan.message}` };
}

/** The problems that refuse a changed row under the lab profile in force, named by column. */
async function profileProblems(row: ChangedRow, check: ProfileChecker, layout: TableLayout): Promise<ImportError[]> {
  const problems = await check(row.entry.absPath, row.changes);
  const column = (field: string | null) =>
    layout.names[layout.fields.findIndex((spec) => spec?.name === field)] ?? field;
  return problems.map((p) => ({
    row: row.row,
    column: column(p.field),
    message: `${row.entry.relPath}: ${p.message}`,
  }));
}

/**
 * Reads a table file and compares every row with the sidecars of `folder`; a changed image
 * without a sidecar must be a TIFF that `scanner` can read (a new sidecar takes its header).
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
  const { preview, rowChanges } = planRows(
    layout.layout,
    rows,
    looked.map((l) => l.target),
  );
  const byRow = new Map(rows.map((row, i) => [row.row, looked[i] as Looked]));
  const changed = rowChanges.flatMap(({ row, changes }) => {
    const { entry, read } = byRow.get(row) ?? {};
    return entry === undefined || read === undefined ? [] : [{ row, entry, read, changes }];
  });
  const creation: ImportError[] = []; // and what the lab profile refuses
  for await (const problem of mapInOrder(changed, IN_FLIGHT, (row) => creationProblem(row, scanner))) {
    if (problem !== null) creation.push(problem);
  }
  const checkProfile = createProfileChecker({ root: folder.root });
  for await (const problems of mapInOrder(changed, IN_FLIGHT, (row) =>
    profileProblems(row, checkProfile, layout.layout),
  ))
    creation.push(...problems);
  preview.errors = [...errors, ...preview.errors, ...creation].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { preview, changed };
}
