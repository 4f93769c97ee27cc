/**
 * Path confinement: every path a request names must resolve inside the opened folder.
 */
import { lstat, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { ApiFailure } from '../../../shared/errors';
import { readsFileHeader } from '../../../shared/image-format';
import { isInside, stampOf, type FileStamp } from '../disk';
import { imageFormat, type ImageEntry } from './list-images';
import { isCollectionMemberPath, isStoreFolderPath, zarrStoreOf } from '../../../shared/ngff/store-name';
import { exportedFromAt, memberFolderAt, readCollectionAt } from '../ngff/collection-at';
import { lookInWorker, sidecarPathFor } from '../sidecar';
import { hasStrayBeside } from './list-images';

/** The folder the user opened: as given (for display) and as resolved (for confinement). */
export interface OpenFolder {
  root: string;
  realRoot: string;
}

/** Checks a request path's syntax: relative, `/`-separated, no `..`, no NUL. */
function checkRelativePath(relPath: string): void {
  if (relPath.includes('\0')) throw new ApiFailure('OUTSIDE_FOLDER', 'A path may not contain NUL.', relPath);
  if (path.posix.isAbsolute(relPath) || path.win32.isAbsolute(relPath) || /^[A-Za-z]:/.test(relPath)) {
    throw new ApiFailure('OUTSIDE_FOLDER', `"${relPath}" is absolute; paths are relative to the open folder.`, relPath);
  }
  const segments = relPath.split(/[\\/]/);
  if (segments.includes('..')) {
    throw new ApiFailure('OUTSIDE_FOLDER', `"${relPath}" leaves the open folder.`, relPath);
  }
  if (segments.some((s) => s === '' || s === '.')) {
    throw new ApiFailure('BAD_REQUEST', `"${relPath}" is not a plain relative path.`, relPath);
  }
}

/**
 * Real paths of folders, for resolving many images of a batch of requests with one `lstat`
 * each instead of a full `realpath`. A cache lives for one batch: a folder replaced by a link
 * meanwhile is seen by the next.
 */
export type RealFolders = Map<string, Promise<string>>;

/**
 * Resolves a request path to an image of the opened folder.
 *
 * Symbolic links are resolved; a path whose real location is outside the folder fails with
 * OUTSIDE_FOLDER, a missing file or a file that is not an image with NOT_FOUND. The image and
 * its sidecar's name are looked at (`lstat`) in the write worker, in one message. With
 * `realFolders`, the real path of each folder is looked up once per batch.
 */
export async function resolveImage(
  folder: OpenFolder,
  relPath: string,
  realFolders: RealFolders = new Map(),
): Promise<ImageEntry> {
  checkRelativePath(relPath);
  const absPath = path.join(folder.root, ...relPath.split('/'));
  const missing = (): ApiFailure => new ApiFailure('NOT_FOUND', `${relPath} does not exist.`, relPath);
  const { image, sidecar } = await lookInWorker(absPath);
  if (image === null) throw missing();
  let found: Target;
  try {
    found = image.link
      ? await linkTarget(absPath)
      : {
          real: await realInFolder(absPath, realFolders),
          isFile: image.file,
          isFolder: image.folder,
          stamp: image.stamp,
        };
  } catch {
    throw missing();
  }
  if (!isInside(folder.realRoot, found.real)) {
    throw new ApiFailure('OUTSIDE_FOLDER', `${relPath} links outside the open folder.`, relPath);
  }
  const format = imageFormat(relPath);
  // a file inside an OME-Zarr store is part of it, never an image of its own (nor a sidecar's place)
  const store = zarrStoreOf(relPath);
  if (store !== null && store !== relPath)
    throw new ApiFailure('NOT_FOUND', `${relPath} lies inside the OME-Zarr store ${store}.`, relPath);
  // an OME-Zarr store is a folder (a zipped one a file, as every other image)
  if (format === null || (isStoreFolderPath(relPath) ? !found.isFolder : !found.isFile))
    throw new ApiFailure('NOT_FOUND', `${relPath} is not an image.`, relPath);
  if (isCollectionMemberPath(relPath) && !(await isListedMember(absPath)))
    throw new ApiFailure('NOT_FOUND', `${relPath} is not an image its collection's manifest lists.`, relPath);
  if (!readsFileHeader(format) && sidecar === 'none') {
    throw new ApiFailure('NOT_FOUND', `${relPath} has no sidecar (an OIR is read only by its sidecar).`, relPath);
  }
  const stray = await hasStrayBeside(absPath);
  const exported = isCollectionMemberPath(relPath) ? await exportedFromAt(absPath) : {};
  return {
    relPath,
    absPath,
    format,
    sidecar,
    stamp: found.stamp,
    ...(stray ? { strayBeside: true } : {}),
    ...exported,
  };
}

/** Whether the collection image folder at `absPath` is one its collection's manifest lists, a folder reached through no link inside the collection. */
export async function isListedMember(absPath: string): Promise<boolean> {
  const root = path.dirname(path.dirname(absPath));
  const collection = await readCollectionAt(root).catch(() => null);
  const name = path.basename(absPath);
  return collection?.listed.has(name) === true && memberFolderAt(root, name) === 'folder';
}

/** Refuses a sidecar that is a symbolic link to a place outside the opened folder. */
export async function checkSidecarInside(folder: OpenFolder, entry: ImageEntry): Promise<void> {
  if (entry.sidecar !== 'link') return;
  const real = await realpath(sidecarPathFor(entry.absPath)).catch(() => null);
  if (real === null || !isInside(folder.realRoot, real)) {
    throw new ApiFailure(
      'OUTSIDE_FOLDER',
      `The sidecar of ${entry.relPath} links outside the open folder.`,
      entry.relPath,
    );
  }
}

/**
 * Resolves a request's folder (`''` for the open folder itself) to its path in the open folder.
 * A folder inside an OME-Zarr store (or the store) fails with BAD_REQUEST.
 *
 * Symbolic links are resolved: a folder whose real location is outside the open folder fails
 * with OUTSIDE_FOLDER, one that does not exist or is not a folder with NOT_FOUND.
 */
export async function resolveFolder(folder: OpenFolder, relFolder: string): Promise<string> {
  if (relFolder !== '') checkRelativePath(relFolder);
  const absDir = path.join(folder.root, ...relFolder.split('/'));
  const name = relFolder === '' ? 'The open folder' : relFolder;
  // a store's folders are the store's: no lab file is kept or made there
  const store = zarrStoreOf(relFolder);
  if (store !== null)
    throw new ApiFailure(
      'BAD_REQUEST',
      `${name} lies inside the OME-Zarr store ${store}; name a folder that holds it.`,
      relFolder,
    );
  const real = await realpath(absDir).catch(() => null);
  if (real !== null && !isInside(folder.realRoot, real)) {
    throw new ApiFailure('OUTSIDE_FOLDER', `${name} links outside the open folder.`, relFolder);
  }
  const info = real === null ? null : await stat(real).catch(() => null);
  if (info === null || !info.isDirectory()) throw new ApiFailure('NOT_FOUND', `${name} is not a folder.`, relFolder);
  return absDir;
}

/**
 * Whether the file at `absFile` (a channel table, a lab profile) leads outside `realBase` once
 * symbolic links are resolved; a link to nothing counts as leading outside, a missing file does not.
 */
export async function leavesFolder(realBase: string, absFile: string): Promise<boolean> {
  try {
    return !isInside(realBase, await realpath(absFile));
  } catch {
    return lstat(absFile).then(
      (info) => info.isSymbolicLink(),
      () => false,
    );
  }
}

/** What a request path leads to: its real path, whether it is a regular file or a folder, and its stamp. */
interface Target {
  real: string;
  isFile: boolean;
  isFolder: boolean;
  stamp: FileStamp;
}

/** Where a symbolic link leads. */
async function linkTarget(absPath: string): Promise<Target> {
  const real = await realpath(absPath);
  const target = await stat(real);
  return { real, isFile: target.isFile(), isFolder: target.isDirectory(), stamp: stampOf(target) };
}

/** The real path of a file that is not a link: its folder's real path (looked up once per batch) and its name. */
async function realInFolder(absPath: string, realFolders: RealFolders): Promise<string> {
  const dir = path.dirname(absPath);
  let realDir = realFolders.get(dir);
  if (realDir === undefined) {
    realDir = realpath(dir);
    realFolders.set(dir, realDir);
  }
  return path.join(await realDir, path.basename(absPath));
}
