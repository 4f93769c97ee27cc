/**
 * Watching the open folder for files that appear, disappear or change.
 */
export { DEFAULT_TIMING, type BatchTiming } from './change-batcher';
export { CLOCK_SLACK_MS, watchFolder, type FolderWatch, type WatchOptions } from './folder-watch';
export { snapshot, stampKey } from './poll-watch';
export { watchSetting } from './watch-setting';
