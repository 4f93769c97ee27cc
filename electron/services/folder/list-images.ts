/**
 * Walks an opened folder for images: TIFFs, the vendor files AcqMeta reads (CZI, ND2, LIF,
 * OIB), OME-Zarr stores (folders named `*.zarr`, one image each, never walked into; an acqstore
 * collection, the images its manifest lists), and Olympus OIR files that have a sidecar.
 */
import type { Dirent } from 'node:fs';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { vendorFormatOfPath } from '../../../shared/formats';
import type { ImageFormat } from '../../../shared/image-format';
import {
  COLLECTION_IMAGES_FOLDER,
  hasInsideSidecar,
  isCollectionMemberPath,
  isNativeStoreName,
  isOmeZarrName,
  isZarrStoreName,
} from '../../../shared/ngff/store-name';
import { NgffReadError } from '../../../shared/ngff/types';
import { exportedFromOf } from '../../../shared/ngff/collection-manifest';
import { memberFolderAt, readCollectionAt } from '../ngff/collection-at';
import { FOLDER_TOO_DEEP, unreadFormatOf, type UnreadTally } from '../../../shared/unread-files';
import { isTiffPath } from '../tiff';
import type { FileStamp } from '../disk';
import { listingOfSteps, sidecarStepsFor, type SidecarListing } from '../sidecar';
import { compareNames, walkRoot, type FileEntry } from './walk-tree';

/** One image found under the opened folder. */
export interface ImageEntry {
  /** Relative to the opened folder, `/`-separated. */
  relPath: string;
  absPath: string;
  /** The file's format by its name: every one but `oir` is read by the scanner; an `oir` is listed only with a sidecar. */
  format: ImageFormat;
  /** A hint from the listing (the disk may change before the sidecar is read). */
  sidecar: SidecarListing;
  /** The image file's size, modification time and inode when a request's path was resolved (a walk leaves it out). */
  stamp?: FileStamp;
  /** A CloudScope store that also has a sidecar beside it (`x.cs.ome.zarr.json`), which CloudScope writes but does not read back. */
  strayBeside?: true;
  /** An image of an acqstore collection: the file it was exported from, as the manifest names it. */
  exportedFrom?: string;
}

const OIR_IMAGE = /\.oir$/i;

/** The image format a path (or a file name) stands for; null when it is not an image AcqMeta lists. */
export function imageFormat(imagePath: string): ImageFormat | null {
  if (isCollectionMemberPath(imagePath)) return 'ome-zarr';
  const name = path.basename(imagePath);
  if (isTiffPath(name)) return 'tiff';
  if (isOmeZarrName(name)) return 'ome-zarr';
  return vendorFormatOfPath(name) ?? (OIR_IMAGE.test(name) ? 'oir' : null);
}

function listingOf(dirent: Dirent | undefined): SidecarListing {
  if (dirent === undefined) return 'none';
  return dirent.isSymbolicLink() ? 'link' : dirent.isFile() ? 'file' : 'none';
}

/** What is at the sidecar inside a CloudScope store or a collection's image, looked at step by step (its folder's listing does not show it). */
async function insideListing(storePath: string): Promise<SidecarListing> {
  const steps = await Promise.all(sidecarStepsFor(storePath).map((step) => lstat(step).catch(() => null)));
  return listingOfSteps(steps);
}

/**
 * Lists every image under `root`, subfolders included, depth first in code-point order.
 *
 * Hidden files and folders (name starting with `.`) are skipped. Symbolic links are followed
 * only when they resolve inside `root`, and each real folder is visited once, so link loops end.
 * An OIR is listed only when its sidecar exists (AcqMeta reads no OIR header); those left out,
 * and files of formats AcqMeta does not read, are counted in `unread`.
 */
export async function* listImages(root: string, unread?: UnreadTally): AsyncGenerator<ImageEntry> {
  for await (const images of listImageRuns(root, unread)) yield* images;
}

/**
 * The images of {@link listImages}, in the same order, a folder's run of them at a time (the
 * images between two of its subfolders): a walk of a large tree takes far fewer steps. Files
 * of an acquisition format that get no row (an OIR without a sidecar, an Imaris file) are
 * counted in `unread`.
 */
export async function* listImageRuns(root: string, unread?: UnreadTally): AsyncGenerator<ImageEntry[]> {
  for await (const files of walkRoot(root)) {
    const images: ImageEntry[] = [];
    for (const { relPath, absPath, name, siblings, tooDeep } of files) {
      if (tooDeep === true) {
        unread?.add(relPath, FOLDER_TOO_DEEP);
        continue;
      }
      if (isZarrStoreName(name) && (await pushCollection(relPath, absPath, images))) continue;
      const format = imageFormat(name);
      const sidecar =
        format === null
          ? 'none'
          : hasInsideSidecar(name)
            ? await insideListing(absPath)
            : listingOf(siblings.get(`${name}.json`));
      if (format === null || (format === 'oir' && sidecar === 'none')) {
        const unreadFormat = unreadFormatOf(name);
        if (unreadFormat !== null) unread?.add(relPath, unreadFormat);
        continue;
      }
      const stray = isNativeStoreName(name) && siblings.has(`${name}.json`);
      images.push({ relPath, absPath, format, sidecar, ...(stray ? { strayBeside: true } : {}) });
    }
    if (images.length > 0) yield images;
  }
}

/**
 * When the store folder at `absPath` is an acqstore collection, adds its images to `images`, and
 * the collection itself when its manifest cannot be read or lists images AcqMeta does not read
 * (its row says why), and returns true; false when it is a store of another kind.
 */
async function pushCollection(relPath: string, absPath: string, images: ImageEntry[]): Promise<boolean> {
  // a manifest that cannot be read makes a row of the collection, which says why; a folder the
  // disk refuses to look into is left to the store's own row
  const collection = await readCollectionAt(absPath).catch((error: unknown) =>
    error instanceof NgffReadError ? ('unreadable' as const) : null,
  );
  if (collection === null) return false;
  if (collection === 'unreadable' || collection.problems.length > 0)
    images.push({ relPath, absPath, format: 'ome-zarr', sidecar: 'none' });
  if (collection === 'unreadable') return true;
  for (const member of [...collection.members].sort(compareNames)) {
    const memberAbs = path.join(absPath, COLLECTION_IMAGES_FOLDER, member);
    // an image folder that is a link is a row that says so; its sidecar is not read through it
    const sidecar = memberFolderAt(absPath, member) === 'link' ? 'none' : await insideListing(memberAbs);
    images.push({
      relPath: `${relPath}/${COLLECTION_IMAGES_FOLDER}/${member}`,
      absPath: memberAbs,
      format: 'ome-zarr',
      sidecar,
      ...exportedFromOf(collection, member),
    });
  }
  return true;
}

/** Lists every file under `root` as {@link listImages} walks it (same order, links and hidden names). */
export async function* listFiles(root: string): AsyncGenerator<FileEntry> {
  for await (const files of walkRoot(root)) yield* files;
}

/** Whether the image at `absPath` is a CloudScope store with a sidecar beside it too (see {@link ImageEntry.strayBeside}). */
export async function hasStrayBeside(absPath: string): Promise<boolean> {
  if (!isNativeStoreName(path.basename(absPath))) return false;
  return lstat(`${absPath}.json`).then(
    () => true,
    () => false,
  );
}
