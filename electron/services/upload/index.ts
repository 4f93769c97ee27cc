/**
 * A lab folder built into a repository's upload (`acqmeta submission`): planned, then built in a
 * staging folder and renamed into place, vendor files byte for byte, OME-TIFF copies verified.
 */
export { buildUpload, type UploadJob, type UploadOutcome, type UploadProgress } from './build-upload';
export { previewTodo } from './upload-preview';
export { planUpload, UploadRefused, type PlannedFile, type UploadPlan } from './upload-plan';
export { planNotes, reviewUpload, type UploadReview } from './upload-review';
