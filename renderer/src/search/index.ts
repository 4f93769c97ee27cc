/**
 * The facility index in the app: "Search all folders" over every indexed folder, and the status
 * bar's line on how fresh the index is for the open folder, with its refresh.
 */
import { lazyComponent } from '../lib/lazy-component';

/** The `SearchAllFolders` view of `search-view.tsx`, fetched when it is first drawn. */
export const SearchAllFolders = lazyComponent(() => import('./search-view').then((m) => m.SearchAllFolders));
/** The `IndexStatusLine` of `index-status.tsx`, fetched once the status bar draws it. */
export const IndexStatusLine = lazyComponent(() => import('./index-status').then((m) => m.IndexStatusLine));
export { createSearchSlice, type IndexEvent, type SearchSlice } from './search-slice';
