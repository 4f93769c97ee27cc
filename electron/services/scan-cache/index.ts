/**
 * The scan cache: reopening a folder reads only the images and sidecars that changed.
 */
export { defaultCacheDir } from './cache-dir';
export type { CachedImage, SidecarSummary } from './cache-record';
export { cacheFileFor, NO_SCAN_CACHE, openScanCache, type ScanCache } from './scan-cache';
export { sharedSummary } from './summary-pool';
