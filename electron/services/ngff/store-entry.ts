/**
 * What lies at a key of a store, looked at one step at a time from the store's folder down
 * without following a link: every read, stamp and check of a store stays inside it.
 */
import { lstatSync, type Stats } from 'node:fs';
import path from 'node:path';

/** What {@link lookInStore} found: the entry (its path and what `lstat` says), or the first step that is a link. */
export type StoreEntry = { path: string; stats: Stats } | { link: string };

/**
 * The entry at `key` (`/`-separated) in the store folder `root`; null when a step is missing or
 * one before the last is not a folder. A link on the way is named, never followed.
 */
export function lookInStore(root: string, key: string): StoreEntry | null {
  const steps = key.split('/');
  let at = root;
  for (const [i, step] of steps.entries()) {
    at = path.join(at, step);
    const stats = lstatSync(at, { throwIfNoEntry: false });
    if (stats === undefined) return null;
    if (stats.isSymbolicLink()) return { link: steps.slice(0, i + 1).join('/') };
    if (i === steps.length - 1) return { path: at, stats };
    if (!stats.isDirectory()) return null;
  }
  return null;
}

/** What `lstat` says of the entry at `key` in the store `root`; null when it is absent or reached through a link. */
export function lstatInStoreSync(root: string, key: string): Stats | null {
  const entry = lookInStore(root, key);
  return entry !== null && 'stats' in entry ? entry.stats : null;
}
