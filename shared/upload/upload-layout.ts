/**
 * Where a lab folder's files go in an upload: the metadata files at its top, and one dataset
 * directory named after the folder. HuBMAP's directory schemas keep raw images in one folder
 * (`raw/images/<name>`), so two images of one name in different subfolders cannot both go in;
 * HTAN's manifest names each image by its path in the folder, which the upload keeps.
 */
import { findTarget } from '../submission/directory-schemas';
import type { SubmissionFormat } from '../submission/submission-export';

/** Where a HuBMAP dataset directory holds the vendor files. */
export const RAW_IMAGES = 'raw/images';
/** Where a HuBMAP dataset directory holds the OME-TIFF copies and their channel files. */
export const OME_IMAGES = 'lab_processed/images';

/** The lab folder's own folders whose files go into the dataset directory as they are (and are not raw images). */
export const KEPT_FOLDERS: readonly string[] = ['qa_qc', 'extras'];

/** What the builder puts in a dataset directory of `format`: each part only where the assay's latest directory schema has a place for it. */
export interface AssayLayout {
  /** Vendor files in `raw/images/` (HuBMAP) or as the folder has them (HTAN: `flat` false). */
  readonly raw: boolean;
  readonly flat: boolean;
  /** OME-TIFF copies and their channels files in `lab_processed/images/`. */
  readonly omeCopies: boolean;
  readonly channelLayout: boolean;
  /** The folder's own `qa_qc/`. */
  readonly qaQc: boolean;
}

/** The layout of an upload for `format` (see {@link AssayLayout}). */
export function assayLayout(format: SubmissionFormat): AssayLayout {
  if (!format.startsWith('hubmap:'))
    return { raw: true, flat: false, omeCopies: false, channelLayout: false, qaQc: false };
  const patterns = (findTarget(format)?.files ?? []).map((file) => file.pattern);
  const has = (start: string) => patterns.some((pattern) => pattern.startsWith(start));
  return {
    raw: has('raw\\/images\\/'),
    flat: true,
    omeCopies: has('lab_processed\\/images\\/[^\\/]+\\.ome'),
    channelLayout: has('raw\\/channel_layout'),
    qaQc: has('qa_qc\\/'),
  };
}

/** A file of the lab folder placed in the upload: its path in the folder, and in the upload (both `/`-separated). */
export interface PlacedFile {
  readonly source: string;
  readonly target: string;
}

/** Two paths a disk that ignores case or Unicode form takes for one file share this key. */
const fileKey = (file: string): string => file.normalize('NFC').toLowerCase();

/** Whether the folder's file `relPath` lies in one of the folders kept as they are. */
export function inKeptFolder(relPath: string): boolean {
  return KEPT_FOLDERS.some((folder) => relPath.startsWith(`${folder}/`));
}

/**
 * Where each image file of the folder (`relPaths`) goes in the upload for `format`, below the
 * dataset directory `dataset`; two that would land on one path are both refused, each naming
 * the other.
 */
export function rawPlacements(
  format: SubmissionFormat,
  dataset: string,
  relPaths: readonly string[],
): { placed: PlacedFile[]; refused: string[] } {
  const hubmap = assayLayout(format).flat;
  const claims = new Map<string, string[]>();
  const wanted = relPaths.map((source) => {
    const target = `${dataset}/${hubmap ? `${RAW_IMAGES}/${source.slice(source.lastIndexOf('/') + 1)}` : source}`;
    claims.set(fileKey(target), [...(claims.get(fileKey(target)) ?? []), source]);
    return { source, target };
  });
  const placed = wanted.filter(({ target }) => claims.get(fileKey(target))?.length === 1);
  const refused = wanted
    .filter(({ target }) => (claims.get(fileKey(target))?.length ?? 0) > 1)
    .map(
      ({ source, target }) =>
        `${source}: would be ${target}, as would ${(claims.get(fileKey(target)) ?? []).filter((other) => other !== source).join(', ')} (HuBMAP keeps raw images in one folder, and disks that ignore case take such names for one); rename one`,
    );
  return { placed, refused };
}
