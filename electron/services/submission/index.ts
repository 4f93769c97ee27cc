/** A dataset folder on disk, listed for the repositories' folder-layout checks. */
export { listDatasetPaths, MAX_DATASET_DEPTH, MAX_DATASET_PATHS } from './list-dataset-paths';
