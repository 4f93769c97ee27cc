/**
 * Where the path column (the app's table, `acqmeta scan` on a terminal) cuts a path too long
 * for it: the longest folders are shortened first, as few as can be, each keeping its start
 * (where labs put the animal, session or date that tells rows apart) and ending in an
 * ellipsis; the file name stays whole.
 */

/** Characters of the folders left out, from `start` to `end` (exclusive); an ellipsis stands in their place. */
export interface FolderCut {
  start: number;
  end: number;
}

/** Characters a cut folder keeps, its ellipsis included, before another folder is cut too. */
const MIN_KEPT = 6;

/** The cuts that shorten the folders of `folders` (`a/b/`) numbered in `chosen` to at most `longest` characters, their ellipsis included. */
function cutsKeeping(folders: string, chosen: ReadonlySet<number>, longest: number): FolderCut[] {
  const cuts: FolderCut[] = [];
  let start = 0;
  folders
    .split('/')
    .slice(0, -1)
    .forEach((folder, i) => {
      if (chosen.has(i) && folder.length > longest)
        cuts.push({ start: start + longest - 1, end: start + folder.length });
      start += folder.length + 1;
    });
  return cuts;
}

/** `folders` as shown with `cuts`: each cut replaced by an ellipsis. */
export function shownFolders(folders: string, cuts: readonly FolderCut[]): string {
  let shown = '';
  let at = 0;
  for (const { start, end } of cuts) {
    shown += `${folders.slice(at, start)}…`;
    at = end;
  }
  return shown + folders.slice(at);
}

/**
 * The cuts that make `folders` (ending in `/`) fit in `width` pixels beside a name `nameWidth`
 * wide: as few folders cut as can be (the longest first, each keeping at least its first few
 * characters), and of those as much of each one's start as fits; null when the whole path fits.
 * When not even an ellipsis per folder fits, all the folders are one cut (the name then gives
 * way at its end). `measure` gives the width of folder text in pixels.
 */
export function cutFolders(
  folders: string,
  nameWidth: number,
  width: number,
  measure: (text: string) => number,
): FolderCut[] | null {
  const room = width - nameWidth;
  if (measure(folders) <= room) return null;
  const lengths = folders
    .split('/')
    .slice(0, -1)
    .map((folder) => folder.length);
  const longestFirst = lengths.map((_, i) => i).sort((a, b) => lengths[b]! - lengths[a]! || a - b);
  for (let count = 1; count <= longestFirst.length; count++) {
    const chosen = new Set(longestFirst.slice(0, count));
    const fits = (longest: number): boolean =>
      measure(shownFolders(folders, cutsKeeping(folders, chosen, longest))) <= room;
    const least = count === longestFirst.length ? 1 : MIN_KEPT;
    if (!fits(least)) continue;
    // The longest kept length that fits: the width only grows with it.
    let low = least;
    let high = lengths[longestFirst[0]!]!;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (fits(mid)) low = mid;
      else high = mid - 1;
    }
    return cutsKeeping(folders, chosen, low);
  }
  return [{ start: 0, end: folders.length }];
}
