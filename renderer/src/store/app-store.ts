/**
 * The renderer's one zustand store, combined from slices. Only store actions talk to the
 * backend ({@link AppState.client}); components read through narrow selectors.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../shared/api';
import { createCalibrateSlice, type CalibrateSlice } from './slices/calibrate-slice';
import { createChannelTableSlice, type ChannelTableSlice } from './slices/channel-table-slice';
import { createClipboardSlice, type ClipboardSlice } from './slices/clipboard-slice';
import { createConflictSlice, type ConflictSlice } from './slices/conflict-slice';
import { createCollectionExportSlice, type CollectionExportSlice } from './slices/collection-export-slice';
import { createConvertSlice, type ConvertSlice } from './slices/convert-slice';
import { createCurationSlice, type CurationSlice } from './slices/curation-slice';
import { createDetailSlice, type DetailSlice } from './slices/detail-slice';
import { createDialogSlice, type DialogSlice } from './slices/dialog-slice';
import { createDiskSlice, type DiskSlice } from './slices/disk-slice';
import { createEditsSlice, type EditsSlice } from './slices/edits-slice';
import { createFileConflictSlice, type FileConflictSlice } from './slices/file-conflict-slice';
import { createHistorySlice, type HistorySlice } from './slices/history-slice';
import { createInstrumentCatalogueSlice, type InstrumentCatalogueSlice } from './slices/instrument-catalogue-slice';
import { createJournalSlice, type JournalSlice } from './slices/journal-slice';
import { createNamesSlice, type NamesSlice } from './slices/names-slice';
import { createPresetsSlice, type PresetsSlice } from './slices/presets-slice';
import { createProfileSlice, type ProfileSlice } from './slices/profile-slice';
import { createRowsSlice, type RowsSlice } from './slices/rows-slice';
import { createResultsSlice, type ResultsSlice } from './slices/results-slice';
import { createSaveSlice, type SaveSlice } from './slices/save-slice';
import { createSelectionSlice, type SelectionSlice } from './slices/selection-slice';
import { createSessionSlice, type SessionSlice } from './slices/session-slice';
import { createTablesSlice, type TablesSlice } from './slices/tables-slice';
import { createTableRestoreSlice, type TableRestoreSlice } from './slices/table-restore-slice';
import { createLayoutCheckSlice, type LayoutCheckSlice } from './slices/layout-check-slice';
import { createSubmissionExportSlice, type SubmissionExportSlice } from './slices/submission-export-slice';
import { createTargetMetadataSlice, type TargetMetadataSlice } from './slices/target-metadata-slice';
import { createViewSlice, type ViewSlice } from './slices/view-slice';
import { persistViewPrefs, type PrefsStorage } from './view-prefs';

/** Everything the renderer knows, and every action it can take. */
export interface AppState
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
    ClipboardSlice,
    ResultsSlice,
    PresetsSlice,
    NamesSlice,
    TablesSlice,
    ProfileSlice,
    CurationSlice,
    DiskSlice,
    ChannelTableSlice,
    InstrumentCatalogueSlice,
    FileConflictSlice,
    JournalSlice,
    TableRestoreSlice,
    LayoutCheckSlice,
    SubmissionExportSlice,
    TargetMetadataSlice,
    ConvertSlice,
    CollectionExportSlice,
    CalibrateSlice {
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
    ...createHistorySlice(...a),
    ...createViewSlice(...a),
    ...createDetailSlice(...a),
    ...createDialogSlice(...a),
    ...createSaveSlice(...a),
    ...createConflictSlice(...a),
    ...createClipboardSlice(...a),
    ...createResultsSlice(...a),
    ...createPresetsSlice(...a),
    ...createNamesSlice(...a),
    ...createTablesSlice(...a),
    ...createProfileSlice(...a),
    ...createCurationSlice(...a),
    ...createDiskSlice(...a),
    ...createChannelTableSlice(...a),
    ...createInstrumentCatalogueSlice(...a),
    ...createFileConflictSlice(...a),
    ...createJournalSlice(...a),
    ...createTableRestoreSlice(...a),
    ...createLayoutCheckSlice(...a),
    ...createSubmissionExportSlice(...a),
    ...createTargetMetadataSlice(...a),
    ...createConvertSlice(...a),
    ...createCollectionExportSlice(...a),
    ...createCalibrateSlice(...a),
  }));
  if (storage) persistViewPrefs(store, storage);
  store.subscribe((s) => {
    if (s.notices.some((n) => n.resolved?.(s))) s.dropResolvedNotices();
  });
  return store;
}
