/**
 * A folder's images exported as an acqstore collection for CloudScope Web (`acqmeta export
 * --format cloudscope-collection`): staged, verified against acqstore's contract and read back,
 * then renamed into place.
 */
export { DestinationRefused } from './destination';
export {
  exportCollection,
  ExportRefused,
  isStorePath,
  stageCollection,
  type CollectionExportJob,
  type CollectionExportSummary,
} from './export-collection';
export type { ImageNote } from './write-member';
export { readBackImage } from './read-back-image';
export { KEPT_ASIDE, makeStaging, sweepStaging } from './staging';
export { verifyCollection, VerifyError } from './verify-collection';
