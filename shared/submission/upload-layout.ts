/**
 * A dataset folder's layout as HuBMAP's upload checks it: AcqMeta's own files (its journal, lock
 * and temporary files, the lab profile, the channel table, the dataset values and people list, the microscope catalogue) are the
 * lab's, never part of an upload, so they are listed apart and neither allowed nor refused; and
 * the paths HuBMAP's upload leaves out of its directory check (ingest-validation-tools
 * `upload.py`, its "typical dataset_ignore_globs") are ignored as an `--ignore` glob is.
 */
import { CHANNEL_TABLE_NAME } from '../channels/channel-table';
import { DATASET_FILE_NAME, PEOPLE_FILE_NAME } from '../dataset/dataset-names';
import { INSTRUMENTS_FOLDER } from '../instruments/instrument-types';
import { PROFILE_FILE_NAME } from '../profile/load-profile';
import { checkDirectory, compareCodePoints, type DirectoryVerdict } from './directory-check';
import type { DirectorySchema } from './directory-schemas';

/**
 * The dataset_ignore_globs HuBMAP's upload passes to its directory check, but the dataset's
 * uuid (`upload.py`: `[uuid, "extras", "*metadata.tsv", "validation_report.txt"]`).
 */
export const HUBMAP_IGNORE_GLOBS: readonly string[] = ['extras', '*metadata.tsv', 'validation_report.txt'];

/** Folders of AcqMeta's own: the journal's, the lab's microscope catalogue. */
const OWN_FOLDERS: ReadonlySet<string> = new Set(['.acqmeta', INSTRUMENTS_FOLDER]);
/** Files of AcqMeta's own by name: the lab profile, the channel table, the dataset values, the lab's people, the folder's lock. */
const OWN_FILES: ReadonlySet<string> = new Set([
  PROFILE_FILE_NAME,
  CHANNEL_TABLE_NAME,
  DATASET_FILE_NAME,
  PEOPLE_FILE_NAME,
  '.acqmeta-lock',
]);
/** A lock being taken (`.acqmeta-lock.<uuid>`) or a temporary file of a write (`.acqmeta-<tag>.tmp`). */
const OWN_TRANSIENT = /^\.acqmeta-(?:lock\..+|.+\.tmp)$/;

/** Whether the listed `path` (`a/b.txt`, `empty/`) is one of AcqMeta's own files or lies in one of its folders. */
export function isAcqmetaOwn(path: string): boolean {
  const parts = path.split('/');
  const name = parts.pop() as string;
  return parts.some((part) => OWN_FOLDERS.has(part)) || OWN_FILES.has(name) || OWN_TRANSIENT.test(name);
}

/** A layout verdict on what would be uploaded, and AcqMeta's own paths left out of it. */
export interface UploadVerdict extends DirectoryVerdict {
  /** AcqMeta's own paths, by code point: left out of an upload, so not checked. */
  readonly leftOut: readonly string[];
  /** How many paths were checked (the listing without those left out). */
  readonly checked: number;
}

/** Checks a dataset folder's listing against `schema` as HuBMAP's upload does (see the module comment); `ignore` adds globs. */
export function checkUploadLayout(
  paths: readonly string[],
  schema: DirectorySchema,
  ignore: readonly string[] = [],
): UploadVerdict {
  const upload = paths.filter((path) => !isAcqmetaOwn(path));
  const leftOut = paths.filter(isAcqmetaOwn).sort(compareCodePoints);
  return { ...checkDirectory(upload, schema, [...HUBMAP_IGNORE_GLOBS, ...ignore]), leftOut, checked: upload.length };
}
