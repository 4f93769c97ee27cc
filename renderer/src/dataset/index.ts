/**
 * The open folder's dataset values and people (`acqmeta.dataset.json`): the Dataset panel, its
 * state, and its writes in the History timeline.
 */
import { lazyComponent } from '../lib/lazy-component';

/** The `DatasetDialog` of `dataset-dialog.tsx`, fetched when it is first drawn. */
export const DatasetDialog = lazyComponent(() => import('./dataset-dialog').then((m) => m.DatasetDialog));
export { createDatasetSlice, type DatasetSlice } from './dataset-slice';
export { DatasetTimeline } from './dataset-timeline';
