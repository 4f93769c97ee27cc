/**
 * The opened folder on disk: the image walk (all at once or ahead of a scan), the confinement
 * of request paths to the folder, a dataset folder listed as HuBMAP's validator lists it, the
 * recent-folders list and the settings folder.
 */
export {
  checkSidecarInside,
  isListedMember,
  leavesFolder,
  resolveFolder,
  resolveImage,
  type OpenFolder,
  type RealFolders,
} from './confine';
export { defaultConfigDir, keepInSettings } from './config-dir';
export { pathOnDisk } from './same-name';
export { listAhead } from './list-ahead';
export { listDatasetPaths, MAX_DATASET_PATHS } from './list-dataset-paths';
export { hasStrayBeside, imageFormat, listFiles, listImages, type ImageEntry } from './list-images';
export { createRecentFolders, RECENT_FOLDERS_FILE, type RecentFolders } from './recent-folders';
