/**
 * Native change events through @parcel/watcher: one recursive subscription per folder (one
 * inotify watch per directory on Linux, FSEvents on macOS, one handle on Windows), events
 * coalesced in native code. Hidden files and folders (names starting with `.`, our temp
 * files among them) are not watched.
 */

/** A running watch. */
export interface Stoppable {
  stop(): Promise<void>;
}

/** Matches a path, relative to the watched folder, with a hidden component. */
const HIDDEN = /(^|[\\/])\./;

/**
 * Subscribes to changes under `root`; `onPaths` gets the absolute paths of changed files
 * and folders, `onError` any failure after the start (the watch is then unreliable). Rejects
 * when the subscription cannot be made (no native module, ENOSPC: out of inotify watches).
 */
export async function startNativeWatch(
  root: string,
  onPaths: (paths: string[]) => void,
  onError: (error: Error) => void,
): Promise<Stoppable> {
  const watcher = await import('@parcel/watcher');
  const subscription = await watcher.subscribe(
    root,
    (error, events) => {
      if (error !== null) onError(error);
      else if (events.length > 0) onPaths(events.map((event) => event.path));
    },
    { ignore: [HIDDEN] },
  );
  return { stop: () => subscription.unsubscribe() };
}
