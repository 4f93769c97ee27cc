/**
 * Editing many images at once: the bulk set and clear dialogs, paste from a spreadsheet, and
 * filling fields from file names.
 */
export { BulkDialogs } from './bulk-dialogs';
export { createClipboardSlice, type ClipboardSlice } from './clipboard-slice';
export { MAX_RECENT_PATTERNS, createNamesSlice, type NamesSlice } from './names-slice';
export { PasteDialog } from './paste-dialog';
