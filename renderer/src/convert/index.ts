/**
 * Archival OME-TIFF copies: the dialog, the job it starts, and its status in the status bar.
 */
export { ConvertDialog } from './convert-dialog';
export { scopeText } from './convert-form';
export { convertPaths, createConvertSlice, type ConvertEvent, type ConvertSlice } from './convert-slice';
export { ConvertStatus } from './convert-status';
