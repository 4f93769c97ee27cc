/**
 * The checks HuBMAP's upload runs that a built upload can be put through here: its dataset
 * directory against the assay's directory schema (as `directory_validator.py` with the upload's
 * ignore globs), and every entry at the upload's top named by a path column of the metadata file
 * (its `upload.py` reports any other as having no reference). Each problem is a required to-do.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { checkUploadLayout, findTarget, type SubmissionPart, type TodoItem } from '../../../shared/submission';
import { listDatasetPaths } from '../folder';

/**
 * The files a directory schema names in `raw/` that only the lab can write (no image states
 * them): the build takes them from the lab folder's own, at the same path.
 */
export const LAB_RAW_FILES: readonly string[] = ['raw/antibody_timings.tsv'];

/** The path a schema's pattern names when it names one exactly (`raw\/antibody_timings\.tsv$`), its escapes undone. */
export const exactPath = (pattern: string): string => pattern.replace(/\$$/, '').replace(/\\(.)/g, '$1');

/** The metadata file's columns that name an entry of the upload. */
const PATH_COLUMNS = ['data_path', 'contributors_path', 'antibodies_path'];

/** The upload's top entries a metadata file needs no reference for: the metadata files themselves. */
const METADATA_FILE = /metadata\.tsv$/;

/** The entries the metadata file's path columns name (`./x` as `x`). */
function referenced(metadata: SubmissionPart): Set<string> {
  const { columns, rows } = metadata.table;
  const named = new Set<string>();
  for (const column of PATH_COLUMNS) {
    const at = columns.indexOf(column);
    for (const row of rows) if (at >= 0 && (row[at] ?? '') !== '') named.add((row[at] as string).replace(/^\.\//, ''));
  }
  return named;
}

/** What an upload holds: the names at its top, and its dataset directory listed as `listDatasetPaths` lists it. */
export interface UploadListing {
  readonly top: readonly string[];
  readonly paths: readonly string[];
}

/** The problems HuBMAP's checks would find in an upload for `format` listed as `listing`, with dataset directory `dataset`. */
export function layoutProblems(
  listing: UploadListing,
  format: string,
  dataset: string,
  metadata: SubmissionPart,
): TodoItem[] {
  const schema = findTarget(format);
  if (schema === null) return [];
  const problem = (row: string, reason: string): TodoItem => ({ row, column: 'the file', required: true, reason });
  const verdict = checkUploadLayout(listing.paths, schema);
  const named = referenced(metadata);
  const unreferenced = listing.top.filter((name) => !METADATA_FILE.test(name) && !named.has(name)).sort();
  return [
    ...verdict.missing.map((pattern) =>
      problem(
        `${dataset}/${pattern}`,
        LAB_RAW_FILES.includes(exactPath(pattern))
          ? `HuBMAP's directory schema (${format}-v${schema.version}) requires it, and no image states it: put the lab's own at ${exactPath(pattern)} in the folder, and the build takes it from there`
          : `HuBMAP's directory schema (${format}-v${schema.version}) requires a path matching it, and nothing in the folder supplies one (qa_qc/ and extras/ are taken from the folder's own)`,
      ),
    ),
    ...verdict.notAllowed.map((file) =>
      problem(`${dataset}/${file}`, `HuBMAP's directory schema (${format}-v${schema.version}) allows no such path`),
    ),
    ...unreferenced.map((name) =>
      problem(name, 'no path column of the metadata file names it, so HuBMAP would refuse the upload'),
    ),
  ];
}

/** The problems HuBMAP's checks would find in the upload built at `upload` (see {@link layoutProblems}). */
export async function uploadProblems(
  upload: string,
  format: string,
  dataset: string,
  metadata: SubmissionPart,
): Promise<TodoItem[]> {
  const listing = { top: await readdir(upload), paths: await listDatasetPaths(path.join(upload, dataset)) };
  return layoutProblems(listing, format, dataset, metadata);
}
