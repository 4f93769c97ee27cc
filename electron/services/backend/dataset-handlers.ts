/**
 * Dataset methods: getDataset (the open folder's dataset values and people, and the lab's people
 * list in force), saveDataset (the dataset file written through the same checks, lock and
 * journal as `acqmeta dataset`) and restoreDataset (the file put back from the journal, as
 * `acqmeta restore --undo` does).
 */
import path from 'node:path';
import type { ApiHandlers, PeopleListInfo } from '../../../shared/api';
import { checkDataset, DATASET_FILE_NAME } from '../../../shared/dataset';
import { ApiFailure } from '../../../shared/errors';
import { planDatasetRestore, peopleListFor, readDatasetFile, writeDatasetFile } from '../dataset';
import { isInside } from '../disk';
import type { OpenFolder } from '../folder';
import { requireFolder, type BackendContext } from './backend-context';
import { readOpenJournal } from './journal-handler';
import { journalsOf } from './save-handler';

type DatasetHandlers = Pick<ApiHandlers, 'getDataset' | 'saveDataset' | 'restoreDataset'>;

/** A file as the app names it: relative to the open folder, `/`-separated; its full path when it lies above. */
function shownPath(folder: OpenFolder, absFile: string): string {
  return isInside(folder.root, absFile) ? path.relative(folder.root, absFile).split(path.sep).join('/') : absFile;
}

/** The lab's people list in force for the open folder, or why it cannot be read. */
async function peopleListInfo(folder: OpenFolder): Promise<PeopleListInfo> {
  try {
    const list = await peopleListFor(folder.root);
    return list === null
      ? { file: null, people: [], problem: null }
      : { file: shownPath(folder, list.file), people: [...list.people], problem: null };
  } catch (error) {
    return { file: null, people: [], problem: (error as Error).message };
  }
}

/** Handlers of the dataset methods. */
export function datasetHandlers(context: BackendContext): DatasetHandlers {
  return {
    async getDataset() {
      const folder = requireFolder(context);
      const peopleList = await peopleListInfo(folder);
      try {
        const read = readDatasetFile(folder.root, DATASET_FILE_NAME);
        return { file: DATASET_FILE_NAME, dataset: read.dataset, version: read.version, problem: null, peopleList };
      } catch (error) {
        return { file: DATASET_FILE_NAME, dataset: null, version: null, problem: (error as Error).message, peopleList };
      }
    },
    async saveDataset({ dataset, expected, action = 'Dataset values and people' }) {
      const folder = requireFolder(context);
      const checked = dataset === null ? null : checkDataset(dataset, (i) => `person ${i + 1}`);
      if (checked != null && checked.problems.length > 0)
        throw new ApiFailure('INVALID_VALUE', `nothing stored: ${checked.problems.join('; ')}`, DATASET_FILE_NAME);
      const journal = { places: journalsOf(context, folder), tool: 'AcqMeta', action };
      const written = checked?.dataset ?? null;
      return { version: await writeDatasetFile(folder.root, DATASET_FILE_NAME, written, expected, journal) };
    },
    async restoreDataset({ id }) {
      const folder = requireFolder(context);
      const records = (await readOpenJournal(context, folder)).instruments ?? [];
      const labelOf = (absFolder: string) => shownPath(folder, path.join(absFolder, DATASET_FILE_NAME));
      const planned = planDatasetRestore(folder.root, records, id, labelOf);
      if (planned === null) throw new ApiFailure('NOT_FOUND', `The change journal has no dataset record ${id}.`);
      const { record, absFolder, before, now } = planned;
      const journal = {
        places: journalsOf(context, folder),
        tool: 'AcqMeta',
        action: `Restore before “${record.action}”`,
      };
      return { version: await writeDatasetFile(absFolder, labelOf(absFolder), before, now.version, journal) };
    },
  };
}
