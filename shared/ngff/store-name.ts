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

/** A zipped store (`x.ome.zarr.zip`, the store's keys at the zip's root), and CloudScope's own zipped stores. */
const ZIPPED_STORE_NAME = /\.zarr\.zip$/i;
const NATIVE_ZIPPED_STORE_NAME = /\.cs\.ome\.zarr\.zip$/i;

/**
 * Whether a file name is a zipped store's that AcqMeta reads as one image, its sidecar beside it.
 * CloudScope's own (`x.cs.ome.zarr.zip`) are not: CloudScope keeps their sidecar inside the zip,
 * where AcqMeta does not write.
 */
export function isZippedStoreName(name: string): boolean {
  return ZIPPED_STORE_NAME.test(name) && !NATIVE_ZIPPED_STORE_NAME.test(name);
}

/** Whether a file-system name is an OME-Zarr image AcqMeta reads: a store folder, or a zipped store. */
export function isOmeZarrName(name: string): boolean {
  return isZarrStoreName(name) || isZippedStoreName(name);
}

/** CloudScope's own stores (`x.cs.ome.zarr`), which keep their sidecar inside, where CloudScope reads it. */
const NATIVE_STORE_NAME = /\.cs\.ome\.zarr$/i;

/** Whether a file-system name is that of one of CloudScope's own stores, whose sidecar is {@link INSIDE_SIDECAR_KEY} inside it. */
export function isNativeStoreName(name: string): boolean {
  return NATIVE_STORE_NAME.test(name);
}

/** CloudScope's sidecar inside one of its own stores (`x.cs.ome.zarr/acqstore/acq_image.json`). */
export const INSIDE_SIDECAR_KEY = 'acqstore/acq_image.json';

/**
 * The documents of a store whose change changes its row, `/`-separated from the store: its root
 * metadata (Zarr v3, v2), that of the group or level `0` below it (a bioformats2raw image, the
 * first level), the OME-XML bioformats2raw keeps beside its images, CloudScope's sidecar inside.
 */
export const STORE_ROW_KEYS: readonly string[] = [
  'zarr.json',
  '.zattrs',
  '0/zarr.json',
  '0/.zattrs',
  '0/.zarray',
  'OME/METADATA.ome.xml',
  INSIDE_SIDECAR_KEY,
];
