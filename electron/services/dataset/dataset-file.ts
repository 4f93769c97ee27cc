/**
 * A folder's dataset file on disk (`acqmeta.dataset.json`): read with its version, bounded, and
 * written whole under the folder's lock through the same temp-file-and-rename as sidecars, its
 * journal record (the text before and after) synced first, so `acqmeta log` and History list it
 * and its earlier text can be put back.
 */
import path from 'node:path';
import type { SidecarVersion } from '../../../shared/api';
import {
  DATASET_FILE_NAME,
  datasetFileText,
  MAX_DATASET_BYTES,
  NO_DATASET_VALUES,
  parseDatasetFile,
  type DatasetValues,
} from '../../../shared/dataset';
import { ApiFailure } from '../../../shared/errors';
import { instrumentFileEntry, type FileWriteJournal } from '../journal';
import { ioFailure, readSnapshotSync, withSidecarLock, writeWholeFile, type SizeLimit } from '../sidecar';

/** A folder's dataset as read: its values and people, and the file's version (null: no file). */
export interface DatasetRead {
  readonly dataset: DatasetValues;
  readonly version: SidecarVersion | null;
}

const LIMIT: SizeLimit = { bytes: MAX_DATASET_BYTES, of: 'a dataset file' };
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The dataset file of the folder `folder`. */
export const datasetFileOf = (folder: string): string => path.join(folder, DATASET_FILE_NAME);

/** The file at `absFile` (named `label`) as read: null when there is none; throws naming it when it cannot be read or is not a dataset file. */
function readFound(absFile: string, label: string) {
  let snapshot;
  try {
    snapshot = readSnapshotSync(absFile, label, absFile, false, LIMIT);
  } catch (error) {
    throw ioFailure(error, `${label} could not be read`, absFile);
  }
  if (snapshot === null || snapshot === 'link') return null;
  let text: string;
  try {
    text = UTF8.decode(snapshot.bytes);
  } catch {
    throw new Error(`${label} is not UTF-8 text`);
  }
  return { snapshot, text, dataset: parseDatasetFile(text, label) };
}

/**
 * The dataset values and people of `folder` (none when it has no dataset file), with the
 * file's version; throws an error naming the file when it cannot be read or is not one.
 */
export function readDatasetFile(folder: string, label = datasetFileOf(folder)): DatasetRead {
  const found = readFound(datasetFileOf(folder), label);
  return found === null
    ? { dataset: NO_DATASET_VALUES, version: null }
    : { dataset: found.dataset, version: found.snapshot.version };
}

/**
 * Writes `dataset` as `folder`'s dataset file (null: removes it) if the file is still the
 * version `expected` (null: no file), under the folder's lock, journaled as `journal` says;
 * CONFLICT when another program changed it, and an error naming the file when the file found is
 * not a dataset file (it is left as it is). Returns the version written, null once removed.
 */
export function writeDatasetFile(
  folder: string,
  label: string,
  dataset: DatasetValues | null,
  expected: SidecarVersion | null,
  journal: FileWriteJournal,
): Promise<SidecarVersion | null> {
  const absFile = datasetFileOf(folder);
  return withSidecarLock(absFile, true, async () => {
    const found = readFound(absFile, label);
    const now = found?.snapshot.version ?? null;
    if (now === null ? expected !== null : expected === null || now.sha256 !== expected.sha256)
      throw new ApiFailure(
        'CONFLICT',
        `${label} was changed by another program since it was read: run the command again.`,
        absFile,
      );
    const text = dataset === null ? null : datasetFileText(dataset);
    if ((found?.text ?? null) === text) return now;
    const entry = await instrumentFileEntry(journal, absFile, { text: found?.text ?? null, version: now }, text);
    const stamped =
      found === null
        ? null
        : { version: found.snapshot.version, stamp: found.snapshot.stamp, mode: found.snapshot.mode };
    return writeWholeFile(absFile, label, text === null ? null : new TextEncoder().encode(text), stamped, entry);
  });
}
