/**
 * A folder's images exported as a CloudScope collection: the dialog and its job.
 */
import { lazyComponent } from '../lib/lazy-component';

/** The `CollectionExportDialog` of `collection-export-dialog.tsx`, fetched when it is first drawn. */
export const CollectionExportDialog = lazyComponent(() =>
  import('./collection-export-dialog').then((m) => m.CollectionExportDialog),
);
export {
  createCollectionExportSlice,
  type CollectionExportEvent,
  type CollectionExportSlice,
} from './collection-export-slice';
