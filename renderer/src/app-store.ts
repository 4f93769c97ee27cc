/**
 * The renderer's one zustand store, combined from slices. Only store actions talk to the
 * backend ({@link AppState.client}); components read through narrow selectors.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api';
import { createCalibrateSlice, type CalibrateSlice } from './calibrate';
import { createChannelTableSlice, type ChannelTableSlice } from './channels';
import { type ClipboardSlice, createClipboardSlice, createNamesSlice, type NamesSlice } from './bulk';
import { createCollectionExportSlice, type CollectionExportSlice } from './collection';
import { createConvertSlice, type ConvertSlice } from './convert';
import { createDatasetSlice, type DatasetSlice } from './dataset';
import {
  createCurationSlice,
  createProfileSlice,
  createTargetMetadataSlice,
  type CurationSlice,
  type ProfileSlice,
  type TargetMetadataSlice,
} from './profile';
import { createInstrumentCatalogueSlice, type InstrumentCatalogueSlice } from './instruments';
import { createJournalSlice, createTableRestoreSlice, type JournalSlice, type TableRestoreSlice } from './journal';
import { createPresetsSlice, type PresetsSlice } from './presets';
import { createResultsSlice, type ResultsSlice } from './results';
import { createTablesSlice, type TablesSlice } from './tables';
import {
  createLayoutCheckSlice,
  createSubmissionExportSlice,
  type LayoutCheckSlice,
  type SubmissionExportSlice,
} from './submission';
import { createCoreSlices, type CoreState } from './store';
import { createUploadSlice, type UploadSlice } from './upload';
import { createSearchSlice, type SearchSlice } from './search';
import { persistViewPrefs, type PrefsStorage } from './view-prefs';

/** Everything the renderer knows, and every action it can take. */
export interface AppState
  extends
    CoreState,
    ClipboardSlice,
    ResultsSlice,
    PresetsSlice,
    NamesSlice,
    TablesSlice,
    ProfileSlice,
    CurationSlice,
    ChannelTableSlice,
    InstrumentCatalogueSlice,
    DatasetSlice,
    JournalSlice,
    TableRestoreSlice,
    LayoutCheckSlice,
    SubmissionExportSlice,
    TargetMetadataSlice,
    ConvertSlice,
    CollectionExportSlice,
    CalibrateSlice,
    UploadSlice,
    SearchSlice {
  /** The backend; only store actions call it. */
  readonly client: ApiClient;
}

/** The store as components and the backend-event module see it. */
export type AppStore = StoreApi<AppState>;

/** Creates the store around a backend client; view preferences persist in `storage` when given. */
export function createAppStore(client: ApiClient, storage: PrefsStorage | null = null): AppStore {
  const store = createStore<AppState>()((...a) => ({
    client,
    ...createCoreSlices(...a),
    ...createClipboardSlice(...a),
    ...createResultsSlice(...a),
    ...createPresetsSlice(...a),
    ...createNamesSlice(...a),
    ...createTablesSlice(...a),
    ...createProfileSlice(...a),
    ...createCurationSlice(...a),
    ...createChannelTableSlice(...a),
    ...createInstrumentCatalogueSlice(...a),
    ...createDatasetSlice(...a),
    ...createJournalSlice(...a),
    ...createTableRestoreSlice(...a),
    ...createLayoutCheckSlice(...a),
    ...createSubmissionExportSlice(...a),
    ...createTargetMetadataSlice(...a),
    ...createConvertSlice(...a),
    ...createCollectionExportSlice(...a),
    ...createCalibrateSlice(...a),
    ...createUploadSlice(...a),
    ...createSearchSlice(...a),
  }));
  if (storage) persistViewPrefs(store, storage);
  store.subscribe((s) => {
    if (s.notices.some((n) => n.resolved?.(s))) s.dropResolvedNotices();
  });
  return store;
}
