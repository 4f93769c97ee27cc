/**
 * Where the path column cuts a path too long for it: in the middle of the folders, with one
 * ellipsis, the start and the end of the folders kept around it and the file name whole.
 */

/** The characters of the folders left out, from `start` to `end` (exclusive). */
export interface FolderCut {
  start: number;
  end: number;
}

/**
 * The cut that makes `folders` + `…` + the name fit in `width` pixels, keeping as many of the
 * folders' characters as fit, half before the ellipsis and half after; null when the whole path
 * fits. When not even the ellipsis fits beside the name, all the folders are cut (the name then
 * gives way at its end). `measure` gives the width of folder text in pixels.
 */
export function cutFolders(
  folders: string,
  nameWidth: number,
  width: number,
  measure: (text: string) => number,
): FolderCut | null {
  const room = width - nameWidth;
  if (measure(folders) <= room) return null;
  const cutKeeping = (kept: number): FolderCut => ({
    start: Math.ceil(kept / 2),
    end: folders.length - Math.floor(kept / 2),
  });
  const fits = (kept: number): boolean => {
    const { start, end } = cutKeeping(kept);
    return measure(`${folders.slice(0, start)}…${folders.slice(end)}`) <= room;
  };
  // The most characters kept that fit: the width only grows with each character kept.
  let low = 0;
  let high = folders.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return cutKeeping(low);
}
