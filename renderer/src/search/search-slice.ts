/**
 * "Search all folders" and the index's line in the status bar: a search of the facility index
 * (the filter box's language, answered as `acqmeta find` answers it) shown a page at a time, a
 * result opened in its folder with the image selected, how fresh the index is for the open
 * folder, and its refresh followed through its `index-refresh-*` events.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ApiEvent, IndexRefreshSummary, IndexStatus, IndexedImage } from '../../../shared/api';
import type { AppState } from '../store';

/** A refresh's event, as backend-events.ts routes it here. */
export type IndexEvent = Extract<
  ApiEvent,
  { type: 'index-refresh-progress' | 'index-refresh-done' | 'index-refresh-failed' }
>;

/** Images of a search shown at once. */
export const SEARCH_PAGE = 100;

/** The view's search: the filter typed, and the answer shown (or why there is none). */
export interface SearchView {
  filter: string;
  /** The filter the answer is for; null before the first search. */
  searched: string | null;
  loading: boolean;
  searchId: string | null;
  total: number;
  /** The first image of the page shown, counted from 0. */
  offset: number;
  images: readonly IndexedImage[];
  problems: readonly string[];
  error: string | null;
}

/** The open folder's refresh under way or ended. */
export interface IndexRefresh {
  jobId: string | null;
  done: number;
  cancelling: boolean;
  summary: IndexRefreshSummary | null;
  failure: string | null;
}

/** Search all folders, and the index's freshness: state and actions. */
export interface SearchSlice {
  searchView: SearchView | null;
  /** Null until asked for (the status bar asks once a folder is open). */
  indexStatus: IndexStatus | null;
  indexRefresh: IndexRefresh | null;
  /** An image to select once its folder, being opened, lists it. */
  searchReveal: { folder: string; path: string } | null;
  openSearch(): void;
  closeSearch(): void;
  setSearchFilter(filter: string): void;
  /** Searches the index with the filter typed; the first page shows. */
  runSearch(): Promise<void>;
  /** Shows the page of results from `offset`. */
  showSearchPage(offset: number): Promise<void>;
  /** Opens the folder holding `image` (asking first about unsaved changes) and selects it there. */
  openSearchResult(image: IndexedImage): void;
  /** Selects the image waited for when its folder lists it. */
  revealSearchResult(): void;
  loadIndexStatus(): Promise<void>;
  startIndexRefresh(): Promise<void>;
  cancelIndexRefresh(): Promise<void>;
  handleIndexEvent(event: IndexEvent): void;
}

/** The folder of a file's path and its name, whichever separator the machine uses. */
function splitFile(file: string): { folder: string; name: string } {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return { folder: cut <= 0 ? file.slice(0, cut + 1) : file.slice(0, cut), name: file.slice(cut + 1) };
}

/** Creates the search slice. */
export const createSearchSlice: StateCreator<AppState, [], [], SearchSlice> = (set, get) => {
  const updateView = (change: Partial<SearchView>): void => {
    const view = get().searchView;
    if (view !== null) set({ searchView: { ...view, ...change } });
  };
  const updateRefresh = (jobId: string, change: Partial<IndexRefresh>): void => {
    const job = get().indexRefresh;
    if (job === null || (job.jobId !== null && job.jobId !== jobId)) return;
    set({ indexRefresh: { ...job, jobId, ...change } });
  };
  return {
    searchView: null,
    indexStatus: null,
    indexRefresh: null,
    searchReveal: null,

    openSearch: () => {
      if (get().searchView === null)
        set({
          searchView: {
            filter: '',
            searched: null,
            loading: false,
            searchId: null,
            total: 0,
            offset: 0,
            images: [],
            problems: [],
            error: null,
          },
        });
      void get().loadIndexStatus();
    },

    closeSearch: () => set({ searchView: null }),

    setSearchFilter: (filter) => updateView({ filter }),

    runSearch: async () => {
      const view = get().searchView;
      if (view === null) return;
      const filter = view.filter;
      updateView({ loading: true, searched: filter });
      const result = await get().client.searchIndex({ filter, limit: SEARCH_PAGE });
      if (get().searchView?.searched !== filter) return;
      if (result.ok) updateView({ ...result.payload, loading: false, offset: 0, error: null });
      else updateView({ loading: false, searchId: null, total: 0, images: [], error: result.error.message });
    },

    showSearchPage: async (offset) => {
      const view = get().searchView;
      if (view?.searchId == null) return;
      updateView({ loading: true });
      const result = await get().client.getSearchPage({ searchId: view.searchId, offset, limit: SEARCH_PAGE });
      if (get().searchView?.searchId !== view.searchId) return;
      if (result.ok) updateView({ loading: false, offset, images: result.payload.images });
      else updateView({ loading: false, error: result.error.message });
    },

    openSearchResult: (image) => {
      if (image.file === null) return;
      const { folder, name } = splitFile(image.file);
      set({ searchView: null, searchReveal: { folder, path: name } });
      if (get().folder?.root === folder) get().revealSearchResult();
      else get().requestOpenFolder(folder);
    },

    revealSearchResult: () => {
      const reveal = get().searchReveal;
      const s = get();
      if (reveal === null || s.folder?.root !== reveal.folder || s.rows[reveal.path] === undefined) return;
      set({ searchReveal: null });
      s.selectOnly(reveal.path);
    },

    loadIndexStatus: async () => {
      const result = await get().client.getIndexStatus({});
      if (result.ok) set({ indexStatus: result.payload });
    },

    startIndexRefresh: async () => {
      const job = get().indexRefresh;
      if (job !== null && job.summary === null && job.failure === null) return;
      set({ indexRefresh: { jobId: null, done: 0, cancelling: false, summary: null, failure: null } });
      const result = await get().client.startIndexRefresh({});
      if (result.ok) updateRefresh(result.payload.jobId, {});
      else set({ indexRefresh: { ...get().indexRefresh!, failure: result.error.message } });
    },

    cancelIndexRefresh: async () => {
      const job = get().indexRefresh;
      if (job?.jobId == null || job.summary !== null || job.failure !== null) return;
      set({ indexRefresh: { ...job, cancelling: true } });
      await get().client.cancelIndexRefresh({ jobId: job.jobId });
    },

    handleIndexEvent: (event) => {
      if (event.type === 'index-refresh-progress') updateRefresh(event.jobId, { done: event.done });
      else if (event.type === 'index-refresh-done') {
        updateRefresh(event.jobId, { summary: event.summary });
        set({ indexStatus: event.summary.status });
      } else updateRefresh(event.jobId, { failure: event.error.message });
    },
  };
};
