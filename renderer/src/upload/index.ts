/**
 * "Build upload…": the open folder built into a repository's upload, reviewed first, built in
 * the background with its progress in bytes and a cancel that leaves nothing half-built.
 */
import { lazyComponent } from '../lib/lazy-component';

/** The `UploadDialog` of `upload-dialog.tsx`, fetched when it is first drawn. */
export const UploadDialog = lazyComponent(() => import('./upload-dialog').then((m) => m.UploadDialog));
export { createUploadSlice, type UploadEvent, type UploadSlice } from './upload-slice';
