/**
 * How a folder is told to be a Zarr store by its name, the way CloudScope and the NGFF tools
 * name them (`x.ome.zarr`, `x.cs.ome.zarr`, `x.zarr`).
 */

const STORE_NAME = /\.zarr$/i;

/** Whether a file-system name is a Zarr store's: a folder read as one image, never walked into. */
export function isZarrStoreName(name: string): boolean {
  return STORE_NAME.test(name);
}

/** The store a `/`-separated relative path lies in, or is (`a/x.ome.zarr` for `a/x.ome.zarr/0/.zarray`); null outside any store. */
export function zarrStoreOf(relPath: string): string | null {
  const parts = relPath.split('/');
  const at = parts.findIndex(isZarrStoreName);
  return at < 0 ? null : parts.slice(0, at + 1).join('/');
}
