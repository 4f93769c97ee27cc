/**
 * A folder's images exported as a CloudScope collection: the dialog and its job.
 */
export { CollectionExportDialog } from './collection-export-dialog';
export {
  createCollectionExportSlice,
  type CollectionExportEvent,
  type CollectionExportSlice,
} from './collection-export-slice';
