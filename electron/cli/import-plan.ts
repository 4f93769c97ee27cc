/**
 * Reads an edited table for `acqmeta import` and checks all of it before anything is written.
 */
import { EDITABLE_FIELDS, type FieldSpec, type FieldValues } from '../../shared/fields/field-table';
import { parseFieldInput, validateChanges } from '../../shared/validation';
import { toApiError } from '../../shared/errors';
import type { ImageEntry } from '../services/folder/list-images';
import { resolveImage, type OpenFolder } from '../services/backend/confine';
import { createProfileChecker } from '../services/profile';
import { parseTable, TableSyntaxError, type TableFormat } from './table-text';

/** The changes of one table row. */
export interface PlannedRow {
  entry: ImageEntry;
  changes: FieldValues;
}

/** Every row's changes, or every problem found (rows numbered from 1, the header being row 1). */
export type ImportPlan = { ok: true; rows: PlannedRow[] } | { ok: false; problems: string[] };

/** The format of a table file: by its extension, else by whether its first line has a tab. */
export function sniffFormat(fileName: string, text: string): TableFormat {
  if (/\.(tsv|tab)$/i.test(fileName)) return 'tsv';
  if (/\.csv$/i.test(fileName)) return 'csv';
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  return firstLine.includes('\t') ? 'tsv' : 'csv';
}

/** Matches a header cell to a field by sidecar key, or by display name ignoring case. */
function columnField(name: string): FieldSpec | undefined {
  const key = name.trim();
  return EDITABLE_FIELDS.find((f) => f.name === key) ?? EDITABLE_FIELDS.find((f) => f.displayName.toLowerCase() === key.toLowerCase());
}

/**
 * Checks a whole table: header, paths (inside `folder`, existing images, each once) and
 * every cell's value. Any problem makes the plan fail; all problems are listed.
 */
export async function planImport(text: string, format: TableFormat, folder: OpenFolder): Promise<ImportPlan> {
  let table: string[][];
  try {
    table = parseTable(text, format);
  } catch (error) {
    if (error instanceof TableSyntaxError) return { ok: false, problems: [error.message] };
    throw error;
  }
  const [header, ...body] = table;
  const problems: string[] = [];
  const pathColumn = header?.findIndex((h) => h.trim().toLowerCase() === 'path') ?? -1;
  if (header === undefined || pathColumn === -1) {
    return { ok: false, problems: ['row 1: a header row is required, with a "path" column and one column per field'] };
  }
  const columns = header.map((name, i) => (i === pathColumn ? null : columnField(name)));
  header.forEach((name, i) => {
    if (i !== pathColumn && columns[i] === undefined) problems.push(`row 1: unknown column "${name}"`);
  });
  const names = columns.flatMap((c) => (c == null ? [] : [c.name]));
  for (const name of new Set(names)) {
    if (names.indexOf(name) !== names.lastIndexOf(name)) problems.push(`row 1: column "${name}" appears twice`);
  }
  if (problems.length > 0) return { ok: false, problems };

  const rows: PlannedRow[] = [];
  const seen = new Map<string, number>();
  const checkProfile = createProfileChecker({ root: folder.root });
  for (const [index, cells] of body.entries()) {
    const rowNumber = index + 2;
    if (cells.every((c) => c.trim() === '')) continue;
    if (cells.length !== header.length) {
      problems.push(`row ${rowNumber}: ${cells.length} cells, the header has ${header.length}`);
      continue;
    }
    const relPath = (cells[pathColumn] as string).trim();
    const where = `row ${rowNumber} (${relPath})`;
    const previous = seen.get(relPath);
    if (previous !== undefined) problems.push(`${where}: the path is also on row ${previous}`);
    seen.set(relPath, rowNumber);
    const changes: FieldValues = {};
    columns.forEach((spec, i) => {
      if (spec == null) return;
      const parsed = parseFieldInput(spec.name, cells[i] as string);
      if (parsed.ok) changes[spec.name] = parsed.value;
      else problems.push(`${where}: ${parsed.message}`);
    });
    problems.push(...validateChanges(changes).map((p) => `${where}: ${p}`));
    try {
      const entry = await resolveImage(folder, relPath);
      problems.push(...(await checkProfile(entry.absPath, changes)).map((p) => `${where}: ${p}`));
      rows.push({ entry, changes });
    } catch (error) {
      problems.push(`${where}: ${toApiError(error).message}`);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}
