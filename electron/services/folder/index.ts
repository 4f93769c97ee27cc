/**
 * The opened folder on disk: the image walk and the recent-folders list.
 */
export { imageKind, listImages, type ImageEntry, type SidecarListing } from './list-images';
export { createRecentFolders, RECENT_FOLDERS_FILE, type RecentFolders } from './recent-folders';
