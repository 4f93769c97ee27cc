/** The order the app lists a folder's images in when no column sorts them: the scan's. */

const SLASH = '/'.charCodeAt(0);

/**
 * Compares two image paths (relative, `/`-separated) in the order a scan walks them: folder by
 * folder, each folder's names in code-unit order, a subfolder's images where its name falls
 * (`a/b.tif` before `a-c.tif`, `a/z.tif` before `a.tif`). That is the paths' code-unit order
 * with `/` read as lower than any character.
 */
export function comparePaths(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return (x === SLASH ? -1 : x) - (y === SLASH ? -1 : y);
  }
  return a.length - b.length;
}
