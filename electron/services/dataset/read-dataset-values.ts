/** The dataset values and people of a folder, as an export or an upload uses them. */
import type { DatasetValues } from '../../../shared/dataset';
import { readDatasetFile } from './dataset-file';

/**
 * The values and people kept for the dataset folder `folder` (none when it has no dataset
 * file); rejects with an error naming the file when it cannot be read or is not a dataset file.
 */
export async function readDatasetValues(folder: string): Promise<DatasetValues> {
  return readDatasetFile(folder).dataset;
}
