/**
 * The nearest file of a given name for a folder: in the folder itself or, failing that, in the
 * nearest parent that has one, possibly above the folder opened. Each folder is looked at once.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';

/** Finds, per folder, what `load` makes of the nearest file named `fileName`; null when there is none. */
export function nearestFileLookup<T>(
  fileName: string,
  load: (absFile: string) => Promise<T | null>,
): (absDir: string) => Promise<T | null> {
  const folders = new Map<string, Promise<T | null>>();
  const lookUp = (dir: string): Promise<T | null> => {
    let found = folders.get(dir);
    if (found === undefined) {
      // The parents are looked at alongside, not after: the first image's lookup climbs to `/`.
      const parent = path.dirname(dir);
      const inParent = parent === dir ? Promise.resolve(null) : lookUp(parent);
      found = (async () => {
        const file = path.join(dir, fileName);
        const isFile = await stat(file).then(
          (s) => s.isFile(),
          () => false,
        );
        return isFile ? load(file) : inParent;
      })();
      folders.set(dir, found);
    }
    return found;
  };
  return (absDir) => lookUp(path.resolve(absDir));
}
