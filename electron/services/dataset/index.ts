/**
 * A folder's dataset values and people on disk: its dataset file (`acqmeta.dataset.json`, read
 * and written through the save path's lock and journal, and put back from the journal) and the
 * lab's people list.
 */
export { readDatasetValues } from './read-dataset-values';
export { datasetFileOf, readDatasetFile, writeDatasetFile, type DatasetRead } from './dataset-file';
export { planDatasetRestore, type PlannedDatasetRestore } from './dataset-restore';
export { peopleListFor, type PeopleList } from './people-list';
