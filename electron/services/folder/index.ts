/**
 * The opened folder on disk: the image walk and the recent-folders list.
 */
export { compareNames, imageKind, listImages, type ImageEntry, type SidecarListing } from './list-images';
export { createRecentFolders, MAX_RECENT_FOLDERS, RECENT_FOLDERS_FILE, type RecentFolders } from './recent-folders';
