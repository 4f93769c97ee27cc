/**
 * Change detection by polling, for folders native events cannot watch (network shares, or
 * when the system is out of watch handles): the folder is walked again and again, and files
 * whose size or modification time changed, appeared or disappeared are reported.
 */
import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { COLLECTION_IMAGES_FOLDER, isZarrStoreName, STORE_ROW_KEYS } from '../../../shared/ngff/store-name';
import { readCollectionAt } from '../ngff/collection-at';
import type { Stoppable } from './native-watch';

/** How a polling watch runs. */
export interface PollOptions {
  /** Which file names are worth a `stat` (images and sidecars); others are not looked at. */
  relevant(name: string): boolean;
  /** Pause between walks; a slow walk stretches it, so polling never takes most of the disk. */
  intervalMs?: number;
  /**
   * The first walk reports the files and folders changed (made, moved in, or their entries
   * changed) since this time (ms since the epoch): polling takes over from a native watch that
   * may have missed them. A folder reported has its images read; what went meanwhile is not known.
   */
  changedSince?: number;
}

/** Default pause between walks: a change on a share shows within a few seconds (LOAD_FACTOR spaces long walks). */
export const POLL_INTERVAL_MS = 2_000;

/** Walks take at most this share of the time (a 3 s walk of a big share waits 9 s). */
const LOAD_FACTOR = 4;

/** Files stat'ed at once. */
const STATS_IN_FLIGHT = 64;

/**
 * Polls `root` (hidden files and folders and symbolic links excepted) and calls `onPaths` with
 * the absolute paths that changed since the previous walk. Resolves once the first walk has
 * taken stock, so that every change from then on is seen.
 */
export async function startPollWatch(
  root: string,
  onPaths: (paths: string[]) => void,
  options: PollOptions,
): Promise<Stoppable> {
  const interval = options.intervalMs ?? POLL_INTERVAL_MS;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let walking: Promise<void> = Promise.resolve();

  const next = (known: Map<string, string>, pause: number): void => {
    timer = setTimeout(() => {
      // a walk that fails (a folder gone mid-walk is skipped; anything else) tries again next time
      walking = cycle(known).catch(() => {
        if (!stopped) next(known, pause);
      });
    }, pause);
  };
  const cycle = async (known: Map<string, string>): Promise<void> => {
    const started = Date.now();
    const { seen } = await snapshot(root, options.relevant);
    if (stopped) return;
    const changed = [...seen].filter(([file, stamp]) => known.get(file) !== stamp).map(([file]) => file);
    for (const file of known.keys()) if (!seen.has(file)) changed.push(file);
    if (changed.length > 0) onPaths(changed);
    next(seen, Math.max(interval, (Date.now() - started) * LOAD_FACTOR));
  };
  const started = Date.now();
  const { seen: first, changed } = await snapshot(root, options.relevant, options.changedSince);
  if (changed.length > 0) onPaths(changed);
  next(first, Math.max(interval, (Date.now() - started) * LOAD_FACTOR));
  return {
    async stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      await walking;
    },
  };
}

/** A store's folder and the documents its row is read from; for a collection, those of each image it lists too. */
async function storeDocuments(store: string): Promise<string[]> {
  const documents = (folder: string): string[] => [
    folder,
    ...STORE_ROW_KEYS.map((key) => path.join(folder, ...key.split('/'))),
  ];
  const collection = await readCollectionAt(store).catch(() => null);
  const members = (collection?.members ?? []).map((member) => path.join(store, COLLECTION_IMAGES_FOLDER, member));
  return [...documents(store), ...members.flatMap(documents)];
}

/** Whether a file or folder changed (or was made, or moved) at or after `since`. */
const changedAfter = (info: Stats, since: number): boolean => Math.max(info.mtimeMs, info.ctimeMs) >= since;

/** How {@link snapshot} stamps a file or folder: its size, modification time and kind. */
export function stampKey(info: { size: number; mtimeMs: number }, kind: 'f' | 'd' = 'f'): string {
  return `${info.size}:${info.mtimeMs}:${kind}`;
}

/**
 * Size and modification time of every relevant file under `root`, by absolute path (`seen`, see
 * {@link stampKey}), and the files and folders under it changed at or after `changedSince`
 * (`changed`; folders are looked at only when it is given).
 */
export async function snapshot(
  root: string,
  relevant: (name: string) => boolean,
  changedSince = Infinity,
): Promise<{ seen: Map<string, string>; changed: string[] }> {
  const seen = new Map<string, string>();
  const changed: string[] = [];
  const folders = [root];
  while (folders.length > 0) {
    const dir = folders.pop() as string;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => [] as Dirent[]);
    const files: string[] = [];
    const subfolders: string[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      // a Zarr store is never walked into: its folder and the documents its row is read from are stamped
      // one at a time: a collection of many thousand images has more documents than one call takes as arguments
      if (entry.isDirectory() && isZarrStoreName(entry.name))
        for (const doc of await storeDocuments(full)) files.push(doc);
      else if (entry.isDirectory()) subfolders.push(full);
      else if (relevant(entry.name)) files.push(full);
    }
    // one at a time: a folder may hold more subfolders than one call takes as arguments
    for (const folder of subfolders) folders.push(folder);
    const looked = changedSince === Infinity ? files : [...files, ...subfolders];
    for (let i = 0; i < looked.length; i += STATS_IN_FLIGHT) {
      const batch = looked.slice(i, i + STATS_IN_FLIGHT);
      const stamps = await Promise.all(batch.map((file) => stat(file).catch(() => null)));
      stamps.forEach((info, j) => {
        if (info === null) return;
        const file = batch[j] as string;
        if (changedAfter(info, changedSince)) changed.push(file);
        if (i + j < files.length) seen.set(file, stampKey(info, info.isFile() ? 'f' : 'd'));
      });
    }
  }
  return { seen, changed };
}
