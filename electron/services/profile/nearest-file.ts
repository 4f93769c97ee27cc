/**
 * The nearest file of a given name for a folder: in the folder itself or, failing that, in the
 * nearest parent that has one, possibly above the folder opened. Each folder is looked at once.
 */
import { stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';

/**
 * Finds, per folder, what `load` makes of the nearest file named `fileName`; null when there is
 * none. An entry of that name counts when `counts` says so of it (by default: a regular file).
 */
export function nearestFileLookup<T>(
  fileName: string,
  load: (absFile: string) => Promise<T | null>,
  counts: (entry: Stats) => boolean = (entry) => entry.isFile(),
): (absDir: string) => Promise<T | null> {
  const folders = new Map<string, Promise<T | null>>();
  const lookUp = (dir: string): Promise<T | null> => {
    let found = folders.get(dir);
    if (found === undefined) {
      // The parents are looked at alongside, not after: the first image's lookup climbs to `/`.
      const parent = path.dirname(dir);
      const inParent = parent === dir ? Promise.resolve(null) : lookUp(parent);
      // a parent's load may fail before this folder's own look ends and hands it on: not unhandled
      inParent.catch(() => undefined);
      found = (async () => {
        const file = path.join(dir, fileName);
        const present = await stat(file).then(counts, () => false);
        return present ? load(file) : inParent;
      })();
      folders.set(dir, found);
    }
    return found;
  };
  return (absDir) => lookUp(path.resolve(absDir));
}
