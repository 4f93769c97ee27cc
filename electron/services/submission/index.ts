/** A dataset folder on disk, listed for the repositories' folder-layout checks and drafted as a submission. */
export { draftSubmission, type DraftOptions, type SubmissionDraft } from './draft-submission';
export { listDatasetPaths, MAX_DATASET_DEPTH, MAX_DATASET_PATHS } from './list-dataset-paths';
