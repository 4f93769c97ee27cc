/**
 * The renderer's one zustand store, combined from slices. Only store actions talk to the
 * backend ({@link AppState.client}); components read through narrow selectors.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../shared/api';
import { createDetailSlice, type DetailSlice } from './detail-slice';
import { createDialogSlice, type DialogSlice } from './dialog-slice';
import { createDiskSlice, type DiskSlice } from './disk-slice';
import { createEditsSlice, type EditsSlice } from './edits-slice';
import { createRowsSlice, type RowsSlice } from './rows-slice';
import { createSaveSlice, type SaveSlice } from './save-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createViewSlice, type ViewSlice } from './view-slice';
import { persistViewPrefs, type PrefsStorage } from './view-prefs';

/** Everything the renderer knows, and every action it can take. */
export interface AppState
  extends SessionSlice,
    RowsSlice,
    SelectionSlice,
    EditsSlice,
    ViewSlice,
    DetailSlice,
    DialogSlice,
    SaveSlice,
    DiskSlice {
  /** The backend; only store actions call it. */
  readonly client: ApiClient;
}

/** The store as components and the backend-event module see it. */
export type AppStore = StoreApi<AppState>;

/** Creates the store around a backend client; view preferences persist in `storage` when given. */
export function createAppStore(client: ApiClient, storage: PrefsStorage | null = null): AppStore {
  const store = createStore<AppState>()((...a) => ({
    client,
    ...createSessionSlice(...a),
    ...createRowsSlice(...a),
    ...createSelectionSlice(...a),
    ...createEditsSlice(...a),
    ...createViewSlice(...a),
    ...createDetailSlice(...a),
    ...createDialogSlice(...a),
    ...createSaveSlice(...a),
    ...createDiskSlice(...a),
  }));
  if (storage) persistViewPrefs(store, storage);
  return store;
}
