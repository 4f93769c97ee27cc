/**
 * A dataset file (`acqmeta.dataset.json`) put back as it was before a journal record: the one
 * restore behind `acqmeta restore --undo|--before` and the app's History. Only while the file
 * still holds what AcqMeta's latest write of it left, so another program's change is never lost.
 */
import path from 'node:path';
import { DATASET_FILE_NAME, parseDatasetFile, type DatasetValues } from '../../../shared/dataset';
import { ApiFailure } from '../../../shared/errors';
import type { InstrumentFileRecord } from '../../../shared/journal';
import { readDatasetFile, type DatasetRead } from './dataset-file';

/** A restore planned: the record, the folder holding the file, the dataset to write back (null: remove the file) and the file as read now. */
export interface PlannedDatasetRestore {
  readonly record: InstrumentFileRecord;
  readonly absFolder: string;
  readonly before: DatasetValues | null;
  readonly now: DatasetRead;
}

/**
 * The restore of the dataset file before record (or batch) `id` of `records` (the journal's
 * file records, relative to `folder`), its file named by `labelOf(absFolder)`; null when `id`
 * names no dataset file record. Throws CONFLICT when the file is not what AcqMeta's latest write
 * of it left, INVALID_VALUE when the journal did not keep its earlier text, and a failure naming
 * the file when it cannot be read or is not a dataset file.
 */
export function planDatasetRestore(
  folder: string,
  records: readonly InstrumentFileRecord[],
  id: string,
  labelOf: (absFolder: string) => string,
): PlannedDatasetRestore | null {
  const ofDataset = records.filter((r) => r.file.split('/').pop() === DATASET_FILE_NAME);
  const record = ofDataset.find((r) => r.id === id || r.batch === id);
  if (record === undefined) return null;
  const latest = ofDataset.filter((r) => r.file === record.file).at(-1) as InstrumentFileRecord;
  const absFolder = path.join(folder, ...path.dirname(record.file).split('/'));
  const label = labelOf(absFolder);
  let now: DatasetRead;
  try {
    now = readDatasetFile(absFolder, label);
  } catch (error) {
    const code = error instanceof ApiFailure ? error.code : 'INVALID_VALUE';
    throw new ApiFailure(code, `nothing restored: ${(error as Error).message}`, label);
  }
  if ((now.version?.sha256 ?? null) !== (latest.after?.sha256 ?? null))
    throw new ApiFailure(
      'CONFLICT',
      `${label} is not what AcqMeta's latest write of it (record ${latest.id}) left: nothing restored`,
      label,
    );
  if (record.before !== null && record.beforeText === undefined)
    throw new ApiFailure('INVALID_VALUE', `the journal did not keep ${label}'s text before record ${record.id}`, label);
  const before = record.beforeText === undefined ? null : parseDatasetFile(record.beforeText, label);
  return { record, absFolder, before, now };
}
