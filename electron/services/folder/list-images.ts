/**
 * Walks an opened folder for images: TIFFs, the vendor files AcqMeta reads (CZI, ND2, LIF,
 * OIB), OME-Zarr stores (folders named `*.zarr`, one image each, never walked into; an acqstore
 * collection, the images its manifest lists), and Olympus OIR files that have a sidecar.
 */
import type { Dirent } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
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
import { unreadFormatOf, type UnreadTally } from '../../../shared/unread-files';
import { isTiffPath } from '../tiff';
import { beforeListing, isInside, type FileStamp } from '../disk';
import { listingOfSteps, sidecarStepsFor, type SidecarListing } from '../sidecar';

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

/** Orders names by code point, the same on every platform. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

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

/** One file found under a folder, with the names in its directory (to tell sidecars apart). */
export interface FileEntry {
  /** Relative to the walked folder, `/`-separated. */
  relPath: string;
  absPath: string;
  name: string;
  /** The directory's listing, by name. */
  siblings: ReadonlyMap<string, Dirent>;
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
    for (const { relPath, absPath, name, siblings } of files) {
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

/** Walks `root`; a Zarr store (a folder named `*.zarr`) is listed as a file instead of walked into. */
async function* walkRoot(root: string): AsyncGenerator<FileEntry[]> {
  const absRoot = path.resolve(root);
  const realRoot = await realpath(absRoot);
  const visited = new Set<string>([realRoot]);
  yield* walk(absRoot, realRoot, '', { realRoot, visited });
}

/** What every folder of one walk shares. */
interface Walk {
  realRoot: string;
  visited: Set<string>;
}

async function* walk(dir: string, realDir: string, relDir: string, state: Walk): AsyncGenerator<FileEntry[]> {
  const { realRoot, visited } = state;
  let dirents: Dirent[];
  try {
    await beforeListing(dir);
    dirents = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    // The root must be readable; a subfolder that is not (permissions, removed) is skipped.
    if (relDir === '') throw error;
    return;
  }
  const byName = new Map(dirents.map((d) => [d.name, d]));
  const names = [...byName.keys()].filter((n) => !n.startsWith('.')).sort(compareNames);
  // `dir` and `realDir` are normalized and a name holds no separator: joining is concatenating
  const dirPrefix = dir.endsWith(path.sep) ? dir : `${dir}${path.sep}`;
  const realPrefix = realDir.endsWith(path.sep) ? realDir : `${realDir}${path.sep}`;
  let run: FileEntry[] = [];
  for (const name of names) {
    const dirent = byName.get(name) as Dirent;
    const absPath = dirPrefix + name;
    const relPath = relDir === '' ? name : `${relDir}/${name}`;
    let isDir = dirent.isDirectory();
    let realPath = realPrefix + name;
    if (dirent.isSymbolicLink()) {
      const target = await resolveLink(absPath, realRoot);
      if (target === null) continue;
      isDir = target.isDir;
      realPath = target.realPath;
    } else if (!isDir && !dirent.isFile()) {
      continue;
    }
    if (isDir && !isZarrStoreName(name)) {
      if (visited.has(realPath)) continue;
      visited.add(realPath);
      if (run.length > 0) yield run;
      run = [];
      yield* walk(absPath, realPath, relPath, state);
      continue;
    }
    run.push({ relPath, absPath, name, siblings: byName });
  }
  if (run.length > 0) yield run;
}

async function resolveLink(absPath: string, realRoot: string): Promise<{ realPath: string; isDir: boolean } | null> {
  try {
    const realPath = await realpath(absPath);
    if (!isInside(realRoot, realPath)) return null;
    const info = await stat(realPath);
    if (!info.isDirectory() && !info.isFile()) return null;
    return { realPath, isDir: info.isDirectory() };
  } catch {
    return null; // dangling link or a loop the OS refused to resolve
  }
}

/** Whether the image at `absPath` is a CloudScope store with a sidecar beside it too (see {@link ImageEntry.strayBeside}). */
export async function hasStrayBeside(absPath: string): Promise<boolean> {
  if (!isNativeStoreName(path.basename(absPath))) return false;
  return lstat(`${absPath}.json`).then(
    () => true,
    () => false,
  );
}
