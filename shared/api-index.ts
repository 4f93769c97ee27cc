/**
 * The facility index from the app: a search of every indexed folder (the filter box's language,
 * answered as `acqmeta find` answers it, its results a page at a time), how fresh the index is
 * for the open folder, and a refresh of that folder whose progress and end arrive as
 * `index-refresh-*` events (api-events.ts).
 */
import type { ImageRow } from './api-types';

/** One image found in the index. */
export interface IndexedImage {
  share: string;
  /** Its path in the share, `/`-separated. */
  path: string;
  /** Where the file lies on this machine; null when this machine's mount of the share is not known. */
  file: string | null;
  /** The row as the folder's table showed it when it was indexed. */
  row: ImageRow;
}

/** How fresh the index is for the open folder. */
export interface IndexedFolder {
  share: string;
  /** The folder's path in the share (`''`: the share's top). */
  path: string;
  /** Its images in the index. */
  images: number;
  /** When a complete walk of it (or of a folder holding it) last ended, ms since 1970; null: never. */
  refreshedAt: number | null;
}

/** The index the app uses and what it holds of the open folder. */
export interface IndexStatus {
  /** Where the index lies (a file, or a server without its password). */
  where: string;
  /** False: there is no index there yet (`acqmeta index`, or Refresh, makes it). */
  ready: boolean;
  /** Why the index cannot be used (a damaged or foreign database); null when it can. */
  refused: string | null;
  /** Null when no folder is open or the index is not ready. */
  folder: IndexedFolder | null;
}

/** A search's first page and what the whole answer counts. */
export interface IndexSearch {
  /** What `getSearchPage` names to read further pages of this answer. */
  searchId: string;
  /** The images that pass, in all. */
  total: number;
  /** What the filter could not read as typed (it was searched as text). */
  problems: readonly string[];
  images: IndexedImage[];
}

/** What a refresh of the open folder has done so far. */
export interface IndexRefreshProgress {
  /** Images looked at (read again or found unchanged). */
  done: number;
}

/** What an ended refresh did. */
export interface IndexRefreshSummary {
  added: number;
  updated: number;
  unchanged: number;
  forgotten: number;
  /** Stopped by Cancel: the images looked at are kept, none was forgotten. */
  cancelled: boolean;
  /** The open folder's freshness after it. */
  status: IndexStatus;
}

/** The methods of the facility index: request and response types. */
export interface IndexMethods {
  /** Where the index lies, whether it is ready, and what it holds of the open folder. Reads, never writes. */
  getIndexStatus: { request: Record<string, never>; response: IndexStatus };
  /**
   * The indexed images that pass `filter` (the filter box's language), in `acqmeta find`'s order:
   * the first `limit` of them and their count. NOT_FOUND when there is no index yet.
   */
  searchIndex: { request: { filter: string; limit: number }; response: IndexSearch };
  /** `limit` images of search `searchId` from `offset`; NOT_FOUND when a later search replaced it. */
  getSearchPage: {
    request: { searchId: string; offset: number; limit: number };
    response: { images: IndexedImage[] };
  };
  /**
   * Adds or refreshes the open folder in the index (as `acqmeta index` does), making the index
   * when there is none; progress and the end arrive as `index-refresh-progress` and
   * `index-refresh-done` (or `index-refresh-failed`) tagged with `jobId`.
   */
  startIndexRefresh: { request: Record<string, never>; response: { jobId: string } };
  /** Stops a refresh after the image under way: what was read stays indexed. False when none ran. */
  cancelIndexRefresh: { request: { jobId: string }; response: { cancelled: boolean } };
}
