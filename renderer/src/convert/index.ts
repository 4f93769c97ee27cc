/**
 * Archival OME-TIFF copies: the dialog, the job it starts, and its status in the status bar.
 */
import { lazyComponent } from '../lib/lazy-component';

/** The `ConvertDialog` of `convert-dialog.tsx`, fetched when it is first drawn. */
export const ConvertDialog = lazyComponent(() => import('./convert-dialog').then((m) => m.ConvertDialog));
export { scopeText } from './convert-form';
export { convertPaths, createConvertSlice, type ConvertEvent, type ConvertSlice } from './convert-slice';
export { ConvertStatus } from './convert-status';
export { OutputFolderField } from './output-folder-field';
