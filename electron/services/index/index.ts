/**
 * The facility index: every image of every indexed folder in one database (an SQLite file, or
 * a PostgreSQL server many machines share), refreshed by reading only what changed.
 */
export { IndexRefused } from './engine';
export { indexFolder, type FolderToIndex, type IndexCounts, type IndexReaders } from './index-folder';
export {
  findImages,
  folderFreshness,
  imagesAt,
  type FolderFreshness,
  type ImageKey,
  type PageImage,
} from './index-search';
export type { FoundImage, IndexStore } from './index-store';
export { indexUrl, openIndex } from './open-index';
export { refreshFolder, type FolderRefresh } from './refresh-folder';
export { parseShare, placeFolder, type ShareMount } from './shares';
export { indexMayBeInUse, updateWrittenRows } from './written-rows';
