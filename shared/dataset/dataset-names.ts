/** The names of AcqMeta's dataset files, apart so that the upload's layout check knows them without the templates. */

/** The dataset file's name, in the dataset folder. */
export const DATASET_FILE_NAME = 'acqmeta.dataset.json';

/** The lab's people list's name, found at the dataset folder or the nearest folder above that has one. */
export const PEOPLE_FILE_NAME = 'acqmeta.people.tsv';
