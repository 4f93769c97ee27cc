/**
 * The facility index in the app: "Search all folders" over every indexed folder, and the status
 * bar's line on how fresh the index is for the open folder, with its refresh.
 */
import { lazyComponent } from '../lib/lazy-component';

/** The `SearchAllFolders` view of `search-view.tsx`, fetched when it is first drawn. */
export const SearchAllFolders = lazyComponent(() => import('./search-view').then((m) => m.SearchAllFolders));
// the status bar draws it at once: a chunk of its own would be one more fetch of the first screen
export { IndexStatusLine } from './index-status';
export { createSearchSlice, type IndexEvent, type SearchSlice } from './search-slice';
