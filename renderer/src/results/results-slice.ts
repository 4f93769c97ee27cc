/** The results table of the folder or the selection, fetched as a file to download. */
import type { StateCreator } from 'zustand/vanilla';
import type { ResultsFormat, TableFile } from '../../../shared/api';
import { plural } from '../lib/format';
import type { AppState } from '../store';

/** Results export state and action. */
export interface ResultsSlice {
  /** Set while the backend builds a results file. */
  exportingResults: boolean;
  /**
   * Asks the backend for the results table of `paths` (null: the whole folder); resolves to
   * the file to download, or null when it failed. A notice says what was left out, or why it failed.
   */
  exportResults(paths: readonly string[] | null, format: ResultsFormat): Promise<TableFile | null>;
}

/** Creates the results slice. */
export const createResultsSlice: StateCreator<AppState, [], [], ResultsSlice> = (set, get) => ({
  exportingResults: false,

  exportResults: async (paths, format) => {
    set({ exportingResults: true });
    try {
      const result = await get().client.exportResults(paths === null ? { format } : { format, paths: [...paths] });
      if (result.ok) {
        const { skipped } = result.payload;
        if (skipped.length > 0)
          get().notify('error', `${plural(skipped.length, 'image')} with an invalid sidecar left out of the results.`);
        return result.payload;
      }
      get().notify('error', `The results could not be exported: ${result.error.message}`);
      return null;
    } finally {
      set({ exportingResults: false });
    }
  },
});
