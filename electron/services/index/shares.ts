/**
 * Where a folder lies in the index: in a named share (`--share lab=/mnt/lab`), its path
 * relative to the share's mount on this machine, so that machines that mount the share at
 * different points agree; else in a default share named by the folder's own path on this
 * machine (or by the default share already indexed that holds it).
 */
import path from 'node:path';
import { isInside } from '../disk';
import { IndexRefused } from './engine';

/** A named share and where this machine mounts it (an absolute real path). */
export interface ShareMount {
  name: string;
  mount: string;
}

/** A folder's place in the index. */
export interface FolderPlace {
  share: string;
  /** `/`-separated, relative to the share (`''`: its top). */
  folder: string;
}

/** Parses `name=mount` of `--share`; the name is a word (no slash), so it is never taken for a default share's path. */
export function parseShare(text: string): { name: string; mount: string } {
  const eq = text.indexOf('=');
  const name = eq < 0 ? '' : text.slice(0, eq).trim();
  const mount = eq < 0 ? '' : text.slice(eq + 1);
  if (name === '' || mount === '' || /[\\/]/.test(name))
    throw new IndexRefused(`--share ${text}: give it as <name>=<mount>, the name without slashes (lab=/mnt/lab)`);
  return { name, mount };
}

/** `/`-separated `to` relative to `from` (`''`: the same folder). */
function relativeTo(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}

/**
 * The place of the folder at real path `folder`: the named share whose mount holds it (the
 * deepest one), else the default share among `defaultShares` (names of shares already in the
 * index) that holds it (the highest one), else a new default share of its own.
 */
export function placeFolder(
  folder: string,
  mounts: readonly ShareMount[],
  defaultShares: readonly string[],
): FolderPlace {
  const named = mounts.filter((m) => isInside(m.mount, folder)).sort((a, b) => b.mount.length - a.mount.length)[0];
  if (named !== undefined) return { share: named.name, folder: relativeTo(named.mount, folder) };
  const holding = defaultShares
    .filter((name) => path.isAbsolute(name) && isInside(name, folder))
    .sort((a, b) => a.length - b.length)[0];
  if (holding !== undefined) return { share: holding, folder: relativeTo(holding, folder) };
  return { share: folder, folder: '' };
}
