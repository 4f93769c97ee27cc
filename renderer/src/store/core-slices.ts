/**
 * The store's core slices, the state every capability builds on: the folder's session and
 * rows, selection, edits and their one history, the view, the open image's detail, dialogs,
 * saving, conflicts and the disk's changes. `app-store.ts` adds the capabilities' slices.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from '../app-store';
import { createConflictSlice, type ConflictSlice } from './slices/conflict-slice';
import { createDetailSlice, type DetailSlice } from './slices/detail-slice';
import { createDialogSlice, type DialogSlice } from './slices/dialog-slice';
import { createDiskSlice, type DiskSlice } from './slices/disk-slice';
import { createEditsSlice, type EditsSlice } from './slices/edits-slice';
import { createFileConflictSlice, type FileConflictSlice } from './slices/file-conflict-slice';
import { createHistorySlice, type HistorySlice } from './slices/history-slice';
import { createRowsSlice, type RowsSlice } from './slices/rows-slice';
import { createSaveSlice, type SaveSlice } from './slices/save-slice';
import { createSelectionSlice, type SelectionSlice } from './slices/selection-slice';
import { createSessionSlice, type SessionSlice } from './slices/session-slice';
import { createViewSlice, type ViewSlice } from './slices/view-slice';

/** The state and actions of the core slices. */
export interface CoreState
  extends
    SessionSlice,
    RowsSlice,
    SelectionSlice,
    EditsSlice,
    HistorySlice,
    ViewSlice,
    DetailSlice,
    DialogSlice,
    SaveSlice,
    ConflictSlice,
    DiskSlice,
    FileConflictSlice {}

/** Creates the core slices of the one store (see `createAppStore`). */
export const createCoreSlices: StateCreator<AppState, [], [], CoreState> = (...a) => ({
  ...createSessionSlice(...a),
  ...createRowsSlice(...a),
  ...createSelectionSlice(...a),
  ...createEditsSlice(...a),
  ...createHistorySlice(...a),
  ...createViewSlice(...a),
  ...createDetailSlice(...a),
  ...createDialogSlice(...a),
  ...createSaveSlice(...a),
  ...createConflictSlice(...a),
  ...createDiskSlice(...a),
  ...createFileConflictSlice(...a),
});
