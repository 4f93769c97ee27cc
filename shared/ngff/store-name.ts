/**
 * How a folder is told to be a Zarr store by its name, the way CloudScope and the NGFF tools
 * name them (`x.ome.zarr`, `x.cs.ome.zarr`, `x.zarr`).
 */

const STORE_NAME = /\.zarr$/i;

/** Whether a file-system name is a Zarr store's: a folder read as one image, never walked into. */
export function isZarrStoreName(name: string): boolean {
  return STORE_NAME.test(name);
}

/** The folder of an acqstore collection that holds its images, one folder each (`x.ome.zarr/acq_images/acq_image_000`). */
export const COLLECTION_IMAGES_FOLDER = 'acq_images';

/** Where an acqstore collection keeps the manifest that lists its images, from the collection's folder. */
export const COLLECTION_MANIFEST_KEY = 'acqstore/acq_image_collection.json';

/**
 * The store a `/`-separated relative path lies in, or is (`a/x.ome.zarr` for
 * `a/x.ome.zarr/0/.zarray`); for a path in one of an acqstore collection's images, that image
 * (`c.ome.zarr/acq_images/acq_image_000` for its `acqstore/acq_image.json`). Null outside any store.
 */
export function zarrStoreOf(relPath: string): string | null {
  const parts = relPath.split('/');
  const at = parts.findIndex(isZarrStoreName);
  if (at < 0) return null;
  const member = parts[at + 2];
  const isMember = parts[at + 1] === COLLECTION_IMAGES_FOLDER && member !== undefined && isMemberName(member);
  return parts.slice(0, at + (isMember ? 3 : 1)).join('/');
}

/** Most bytes of a file name on the systems AcqMeta runs on. */
const MAX_NAME_BYTES = 255;

/**
 * Whether a name may be one of a collection's images' folders: a plain file name every system
 * holds (no separator or character Windows refuses, no control character, no trailing dot or
 * space, at most 255 bytes), not hidden, not `.` or `..`.
 */
export function isMemberName(name: string): boolean {
  // no separator, nothing Windows refuses or takes for a stream (`a:b`), no trailing dot or space
  if (name === '' || name.startsWith('.') || /[\\/<>:"|?*]|[. ]$/.test(name)) return false;
  if ([...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return false;
  return new TextEncoder().encode(name).length <= MAX_NAME_BYTES;
}

/** A path (either separator) ending in a collection's image folder: `<x>.zarr/acq_images/<name>`. */
const MEMBER_TAIL = /\.[zZ][aA][rR][rR][\\/]acq_images[\\/]([^\\/]+)$/;

/**
 * Whether a path (relative or absolute, either separator) is one of an acqstore collection's
 * images: `<collection>.ome.zarr/acq_images/<name>`, read as an image of its own, its sidecar inside.
 */
export function isCollectionMemberPath(imagePath: string): boolean {
  const found = MEMBER_TAIL.exec(imagePath);
  return found !== null && isMemberName(found[1] as string);
}

/** The last step of a path, either separator. */
function lastStep(imagePath: string): string {
  return imagePath.slice(Math.max(imagePath.lastIndexOf('/'), imagePath.lastIndexOf('\\')) + 1);
}

/**
 * The folder an image lies in as the folder walk meets it (either separator kept): its own
 * parent, but for a collection's image the folder holding the collection, so that nothing
 * AcqMeta keeps beside an image (journal, lock) goes inside a store.
 */
export function folderOfImage(imagePath: string): string {
  let at = imagePath.length;
  for (let up = isCollectionMemberPath(imagePath) ? 3 : 1; up > 0; up--)
    at = Math.max(imagePath.lastIndexOf('/', at - 1), imagePath.lastIndexOf('\\', at - 1));
  if (at < 0) return ''; // `c.tif` lies in the folder it is relative to
  // a root keeps its separator: `/c.tif` lies in `/`, `E:\\c.tif` in `E:\\`
  return imagePath.slice(0, at === 0 || imagePath[at - 1] === ':' ? at + 1 : at);
}

/** Whether a path names a store read as one image from a folder: a `*.zarr` folder or a collection's image. */
export function isStoreFolderPath(imagePath: string): boolean {
  return isZarrStoreName(lastStep(imagePath)) || isCollectionMemberPath(imagePath);
}

/**
 * Whether the image at a path (or a bare name) keeps its sidecar inside, at
 * {@link INSIDE_SIDECAR_KEY}: one of CloudScope's own stores, or an image of a collection.
 */
export function hasInsideSidecar(imagePath: string): boolean {
  return isNativeStoreName(lastStep(imagePath)) || isCollectionMemberPath(imagePath);
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

/** Whether a path (either separator) is an OME-Zarr image AcqMeta reads: a store folder, a zipped store, or a collection's image. */
export function isOmeZarrPath(imagePath: string): boolean {
  return isOmeZarrName(lastStep(imagePath)) || isCollectionMemberPath(imagePath);
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
 * first level), the OME-XML bioformats2raw keeps beside its images, CloudScope's sidecar inside;
 * for an acqstore collection, the manifest listing its images.
 */
export const STORE_ROW_KEYS: readonly string[] = [
  COLLECTION_MANIFEST_KEY,
  'zarr.json',
  '.zattrs',
  '0/zarr.json',
  '0/.zattrs',
  '0/.zarray',
  'OME/METADATA.ome.xml',
  INSIDE_SIDECAR_KEY,
];
