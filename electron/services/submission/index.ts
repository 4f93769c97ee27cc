/** A dataset folder on disk drafted as a submission: its images, sidecars and channel table made into a repository's files. */
export { draftSubmission, type DraftOptions, type SubmissionDraft } from './draft-submission';
