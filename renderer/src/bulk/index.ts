/**
 * Editing many images at once: the bulk set and clear dialogs, paste from a spreadsheet, and
 * filling fields from file names.
 */
import { lazyComponent } from '../lib/lazy-component';

export { NameFillDialog } from './name-fill-dialog';
export { createClipboardSlice, type ClipboardSlice } from './clipboard-slice';
export { MAX_RECENT_PATTERNS, createNamesSlice, type NamesSlice } from './names-slice';
/** The `PasteDialog` of `paste-dialog.tsx`, fetched when it is first drawn. */
export const PasteDialog = lazyComponent(() => import('./paste-dialog').then((m) => m.PasteDialog));
