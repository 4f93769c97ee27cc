/**
 * Native change events through @parcel/watcher: one recursive subscription per folder (one
 * inotify watch per directory on Linux, FSEvents on macOS, one handle on Windows), events
 * coalesced in native code. Hidden files and folders (names starting with `.`, our temp
 * files among them) and what lies in a Zarr store's subfolders (thousands of chunk folders) are
 * not watched: a store's row follows its folder and the documents it is read from.
 *
 * On Linux, inotify watches one directory at a time, and @parcel/watcher adds a watch for a
 * new directory only when it sees it created: the subfolders of a folder made with them at
 * once (`mkdir -p`, a copied tree, an acquisition program making `date/session/`) are never
 * watched, and a folder filled as it is made may be missed (parcel-bundler/watcher#97, #243).
 * The subfolders of a renamed folder keep being reported under its old name.
 * So each folder created under the watched one is followed with a subscription of its own,
 * which watches all of it, and is reported once more when that subscription is in place (what
 * came before is then read). The subscription ends when the folder goes.
 *
 * When the system runs out of watches, @parcel/watcher leaves a new folder unwatched and holds
 * its event back: the watch fails (and the folder is polled) when a followed folder cannot be
 * subscribed to, or when a check each second finds that no watch can be added.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { AsyncSubscription, Event } from '@parcel/watcher';
import { COLLECTION_IMAGES_FOLDER, isZarrStoreName, STORE_ROW_KEYS } from '../../../shared/ngff/store-name';
import { canAddWatch, ROOM_CHECK_MS } from './watch-room';

/** A running watch. */
export interface Stoppable {
  stop(): Promise<void>;
}

/** Matches a path, relative to the watched folder, with a hidden component (not a Zarr v2 store's `.zattrs`, `.zgroup`, `.zarray`). */
const HIDDEN = /(^|[\\/])\.(?!z(attrs|group|array)$)/;
/** A text matched as itself in a regular expression. */
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The names, one folder down in a store, of documents its row is read from (`0/.zattrs`, `acqstore/acq_image.json`). */
const ROW_DOCUMENTS_BELOW = [
  ...new Set(STORE_ROW_KEYS.filter((key) => key.includes('/')).map((key) => key.slice(key.indexOf('/') + 1))),
]
  .map(literal)
  .join('|');
/** Each document a store's row is read from and each folder on the way to one (`0`, `0/zarr.json`, `acqstore`). */
const ROW_PATHS = [
  ...new Set(STORE_ROW_KEYS.flatMap((key) => key.split('/').map((_, i, steps) => steps.slice(0, i + 1).join('/')))),
]
  .map((key) => key.split('/').map(literal).join('[\\\\/]'))
  .join('|');
/** From a collection's folder: one of its images' folders (`acq_images/acq_image_000`), or a row path in one. */
const MEMBER_PATH = `${COLLECTION_IMAGES_FOLDER}[\\\\/][^\\\\/]+(?:[\\\\/](?:${ROW_PATHS}))?`;
/**
 * Matches a path in a Zarr store's subfolder (`x.ome.zarr/0/1`), the row's documents there
 * excepted, and those of a collection's images and the folders on their way; without flags,
 * which the native matcher refuses.
 */
const INSIDE_STORE = new RegExp(
  `\\.[zZ][aA][rR][rR][\\\\/](?!${MEMBER_PATH}$)[^\\\\/]+[\\\\/](?!(?:${ROW_DOCUMENTS_BELOW})$)`,
);
/**
 * For a subscription to a store itself (paths relative to it): matches every path below its own
 * entries but the row's documents and a collection's images' ones, so that it watches its root,
 * its levels' folders and its images' folders, nothing deeper.
 */
const INSIDE_STORE_ENTRIES = new RegExp(
  `^(?!${MEMBER_PATH}$)(?:[\\s\\S]*[\\\\/][^\\\\/]*[\\\\/]|[\\s\\S]*[\\\\/](?!(?:${ROW_DOCUMENTS_BELOW})$))`,
);

/** Most new folders followed with subscriptions of their own; beyond, the watch is unreliable (and polls). */
const MAX_FOLLOWED = 1_000;

/**
 * Subscribes to changes under `root`; `onPaths` gets the absolute paths of changed files
 * and folders, `onError` any failure after the start (the watch is then unreliable), with the
 * time (ms since the epoch) since which changes may have gone unreported. Rejects when the
 * subscription cannot be made (no native module, ENOSPC: out of inotify watches). On Linux,
 * the system running out of watches later is a failure too: a folder that came is then not
 * watched. `isFileName` tells names that are files (images, sidecars) from those that may be folders.
 */
export async function startNativeWatch(
  root: string,
  onPaths: (paths: string[]) => void,
  onError: (error: Error, missedSince: number) => void,
  isFileName: (name: string) => boolean,
): Promise<Stoppable> {
  const watcher = await import('@parcel/watcher');
  /** The last time every folder was known to be watched. */
  let soundAt = Date.now();
  let roomCheck: ReturnType<typeof setInterval> | undefined;
  const options = { ignore: [HIDDEN, INSIDE_STORE] };
  const storeOptions = { ignore: [HIDDEN, INSIDE_STORE_ENTRIES] };
  const followed = new Map<string, Promise<AsyncSubscription | null>>();
  let stopped = false;
  let failed = false;

  const fail = (error: Error): void => {
    if (stopped || failed) return;
    failed = true;
    clearInterval(roomCheck);
    onError(error, soundAt);
  };

  /**
   * Subscriptions of folders that went, still ending: the watch has stopped only once they have.
   * @parcel/watcher ends its inotify thread when its last subscription ends; a watch that
   * started before that (the next folder opened) would join the ending thread and hear nothing.
   */
  const ending = new Set<Promise<void>>();
  const unfollow = (gone: string): void => {
    for (const [dir, subscription] of followed) {
      if (dir !== gone && !dir.startsWith(`${gone}${path.sep}`)) continue;
      followed.delete(dir);
      const end = subscription.then((s) => s?.unsubscribe()).catch(() => undefined);
      ending.add(end);
      void end.then(() => ending.delete(end));
    }
  };

  /** Subscribes to `dir` when it is a folder; null when it is not (or is gone, or the watch stopped). */
  const subscribeFolder = async (dir: string): Promise<AsyncSubscription | null> => {
    const info = await stat(dir).catch(() => null);
    if (stopped || info?.isDirectory() !== true) return null;
    const subscription = await watcher
      .subscribe(
        dir,
        (error, events) => {
          if (error === null) forward(events);
        },
        isZarrStoreName(path.basename(dir)) ? storeOptions : options,
      )
      .catch(async (error: unknown) => {
        // The folder gone: its parent's subscription reports that. Still there: what changes in
        // it would go unseen (out of watches), so the folder is polled.
        if ((await stat(dir).catch(() => null))?.isDirectory() === true)
          fail(error instanceof Error ? error : new Error(String(error)));
        return null;
      });
    if (stopped) await subscription?.unsubscribe().catch(() => undefined);
    return stopped ? null : subscription;
  };

  /** Follows a path that was created: a folder gets its subscription (and is read again once it is in place); anything else is forgotten. */
  const follow = (created: string): void => {
    const following = subscribeFolder(created);
    followed.set(created, following);
    void following.then((subscription) => {
      if (subscription === null) {
        if (followed.get(created) === following) followed.delete(created);
        return;
      }
      onPaths([created]);
      if (followed.size > MAX_FOLLOWED) fail(new Error(`more than ${MAX_FOLLOWED} new folders to follow`));
    });
  };

  /**
   * Whether a created path may be a folder to follow: not an image file or a sidecar; a Zarr
   * store is (its root documents may come after it); nothing inside a store is (its levels'
   * chunk folders, thousands of them, are not watched).
   */
  const mayFollow = (created: string): boolean => {
    const name = path.basename(created);
    if (isFileName(name) && !isZarrStoreName(name)) return false;
    const parents = path.relative(root, path.dirname(created)).split(path.sep);
    return !parents.some(isZarrStoreName);
  };

  const forward = (events: Event[]): void => {
    if (events.length === 0) return;
    onPaths(events.map((event) => event.path));
    if (process.platform !== 'linux') return;
    for (const event of events) {
      if (event.type === 'delete') unfollow(event.path);
      else if (event.type === 'create' && !followed.has(event.path) && mayFollow(event.path)) follow(event.path);
    }
  };

  const subscription = await watcher.subscribe(
    root,
    (error, events) => {
      if (error !== null) fail(error);
      else forward(events);
    },
    options,
  );
  if (process.platform === 'linux') {
    roomCheck = setInterval(() => {
      if (canAddWatch(root)) soundAt = Date.now();
      else fail(new Error('the system is out of inotify watches: folders that come are not watched'));
    }, ROOM_CHECK_MS);
    roomCheck.unref();
  }
  // Once: unsubscribing twice would make @parcel/watcher start a backend that nothing ends.
  let stopping: Promise<void> | null = null;
  const stopAll = async (): Promise<void> => {
    stopped = true;
    clearInterval(roomCheck);
    const all = [...followed.values()];
    followed.clear();
    await Promise.all([
      subscription.unsubscribe().catch(() => undefined),
      ...all.map((s) => s.then((sub) => sub?.unsubscribe()).catch(() => undefined)),
      ...ending,
    ]);
  };
  return {
    stop: () => (stopping ??= stopAll()),
  };
}
