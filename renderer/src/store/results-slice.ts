/** The results table of the folder or the selection, fetched as a file to download. */
import type { StateCreator } from 'zustand/vanilla';
import type { DownloadFile, ResultsFormat } from '../../../shared/api';
import type { AppState } from './app-store';

/** Results export state and action. */
export interface ResultsSlice {
  /** Set while the backend builds a results file. */
  exportingResults: boolean;
  /**
   * Asks the backend for the results table of `paths` (null: the whole folder); resolves to
   * the file to download, or null when it failed (a notice says why).
   */
  exportResults(paths: readonly string[] | null, format: ResultsFormat): Promise<DownloadFile | null>;
}

/** Creates the results slice. */
export const createResultsSlice: StateCreator<AppState, [], [], ResultsSlice> = (set, get) => ({
  exportingResults: false,

  exportResults: async (paths, format) => {
    set({ exportingResults: true });
    try {
      const result = await get().client.exportResults({ paths: paths === null ? null : [...paths], format });
      if (result.ok) return result.payload;
      get().notify('error', `The results could not be exported: ${result.error.message}`);
      return null;
    } finally {
      set({ exportingResults: false });
    }
  },
});
