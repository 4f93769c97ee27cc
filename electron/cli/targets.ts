/**
 * Command-line paths: folders to walk and single images, resolved against the working directory.
 */
import { lstat, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { ApiFailure } from '../../shared/errors';
import { readsFileHeader } from '../../shared/image-format';
import {
  COLLECTION_IMAGES_FOLDER,
  folderOfImage,
  isCollectionMemberPath,
  isStoreFolderPath,
  isZarrStoreName,
  zarrStoreOf,
} from '../../shared/ngff/store-name';
import { exportedFromOf } from '../../shared/ngff/collection-manifest';
import { exportedFromAt, readCollectionAt } from '../services/ngff/collection-at';
import type { UnreadTally } from '../../shared/unread-files';
import {
  checkSidecarInside,
  hasStrayBeside,
  imageFormat,
  isListedMember,
  listImages,
  resolveImage,
  type ImageEntry,
} from '../services/folder';
import { sidecarPathFor } from '../services/sidecar';
import { CliError, EXIT } from './cli-io';

/** An existing folder named on the command line, as an absolute path; else a usage error. */
export async function folderArgument(cwd: string, given: string): Promise<string> {
  const absolute = path.resolve(cwd, given);
  const info = await stat(absolute).catch(() => null);
  if (info === null) throw new CliError(EXIT.usage, `${given}: no such folder`);
  if (!info.isDirectory()) throw new CliError(EXIT.usage, `${given}: not a folder`);
  if (zarrStoreOf(absolute.split(path.sep).join('/')) !== null)
    throw new CliError(EXIT.usage, `${given}: an OME-Zarr store is one image; name the folder that holds it`);
  return absolute;
}

/** One image named on the command line, and the folder holding it (for a collection's image, the one holding the collection). */
export async function imageArgument(cwd: string, given: string): Promise<{ root: string; entry: ImageEntry }> {
  const absPath = path.resolve(cwd, given);
  const info = await stat(absPath).catch(() => null);
  if (info === null) throw new CliError(EXIT.usage, `${given}: no such file`);
  const format = imageFormat(absPath);
  const member = isCollectionMemberPath(absPath);
  if (!member && zarrStoreOf(path.dirname(absPath).split(path.sep).join('/')) !== null)
    throw new CliError(EXIT.usage, `${given}: lies inside an OME-Zarr store, which is one image`);
  if (member && !(await isListedMember(absPath)))
    throw new CliError(EXIT.usage, `${given}: not an image its acqstore collection's manifest lists`);
  // an OME-Zarr store is a folder (a zipped one a file, as every other image)
  if (format === null || (isStoreFolderPath(absPath) ? !info.isDirectory() : !info.isFile()))
    throw new CliError(EXIT.usage, `${given}: not a TIFF, CZI, ND2, LIF, OIB or OIR image, nor an OME-Zarr store`);
  const hasSidecar = await lstat(sidecarPathFor(absPath)).then(
    () => true,
    () => false,
  );
  if (!readsFileHeader(format) && !hasSidecar) {
    throw new CliError(EXIT.usage, `${given}: has no sidecar (an OIR is read only by its sidecar)`);
  }
  const entry: ImageEntry = {
    relPath: displayPath(cwd, absPath),
    absPath,
    format,
    sidecar: hasSidecar ? 'file' : 'none',
    ...((await hasStrayBeside(absPath)) ? { strayBeside: true } : {}),
    ...(member ? await exportedFromAt(absPath) : {}),
  };
  return { root: folderOfImage(absPath), entry };
}

/**
 * The images under a folder named on the command line. The user's own shell may point
 * anywhere, so a sidecar that is a link is read like a file (the app refuses links that leave
 * the opened folder; the command line has no such boundary). Acquisition files that get no
 * image (formats AcqMeta does not read) are counted in `unread`.
 */
export async function* walkFolder(root: string, unread?: UnreadTally): AsyncGenerator<ImageEntry> {
  for await (const entry of listImages(root, unread)) {
    yield entry.sidecar === 'link' ? { ...entry, sidecar: 'file' } : entry;
  }
}

/**
 * The images of several arguments (images or folders), each image once, in argument order;
 * `unreadOf(folder)`, when given, counts the files each folder's walk does not read.
 */
export async function imageTargets(
  cwd: string,
  given: readonly string[],
  unreadOf?: (folder: string) => UnreadTally,
): Promise<ImageEntry[]> {
  const entries: ImageEntry[] = [];
  const seen = new Set<string>();
  const add = (entry: ImageEntry): void => {
    if (seen.has(entry.absPath)) return;
    seen.add(entry.absPath);
    entries.push(entry);
  };
  for (const target of given) {
    const isDir = await stat(path.resolve(cwd, target)).then(
      (s) => s.isDirectory(),
      () => false,
    );
    const absTarget = path.resolve(cwd, target);
    // an acqstore collection named on its own is the images it lists
    const collection = isZarrStoreName(path.basename(absTarget))
      ? await readCollectionAt(absTarget).catch(() => null)
      : null;
    for (const member of collection?.members ?? []) {
      const source = collection === null ? {} : exportedFromOf(collection, member);
      const absMember = path.join(absTarget, COLLECTION_IMAGES_FOLDER, member);
      // a listed image that is missing is a row that says so, not the end of the command
      const relPath = displayPath(cwd, absMember);
      add(
        await imageArgument(cwd, absMember).then(
          ({ entry }) => ({ ...entry, relPath }),
          () => ({
            relPath,
            absPath: absMember,
            format: 'ome-zarr' as const,
            sidecar: 'none' as const,
            ...source,
          }),
        ),
      );
    }
    // a collection with problems is a row too, which names them
    if (collection?.problems.length === 0) continue;
    if (!isDir || isStoreFolderPath(absTarget)) {
      add((await imageArgument(cwd, target)).entry);
      continue;
    }
    for await (const entry of walkFolder(absTarget, unreadOf?.(absTarget))) {
      add({ ...entry, relPath: displayPath(cwd, entry.absPath) });
    }
  }
  return entries;
}

/**
 * An image or a folder named on the command line: the folder (the one holding an image, or its
 * collection) and the image's path relative to it (null: a folder).
 */
export async function imageOrFolderArgument(
  cwd: string,
  given: string,
): Promise<{ folder: string; image: string | null }> {
  const absolute = path.resolve(cwd, given);
  const info = await stat(absolute).catch(() => null);
  if (info === null) throw new CliError(EXIT.usage, `${given}: no such file or folder`);
  // a store is an image though a folder; a collection's image lies in the folder holding the collection
  if (info.isDirectory() && !isStoreFolderPath(absolute)) return { folder: absolute, image: null };
  const folder = folderOfImage(absolute);
  return { folder, image: path.relative(folder, absolute).split(path.sep).join('/') };
}

/**
 * The images a journal names under `folder` (paths relative to it), confined as the app
 * confines request paths: links resolved, the image and its sidecar inside the folder's real
 * path. A journal is data from a shared folder, not the user's word: when any path is missing
 * or leads outside, nothing is returned and the usage error names each and why.
 */
export async function journaledImages(cwd: string, folder: string, relPaths: readonly string[]): Promise<ImageEntry[]> {
  const open = { root: folder, realRoot: await realpath(folder) };
  const entries: ImageEntry[] = [];
  const refused: string[] = [];
  for (const relPath of relPaths) {
    try {
      const entry = await resolveImage(open, relPath);
      await checkSidecarInside(open, entry);
      entries.push({ ...entry, relPath: displayPath(cwd, entry.absPath) });
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      refused.push(error.message);
    }
  }
  if (refused.length > 0) {
    throw new CliError(EXIT.usage, `${displayPath(cwd, folder) || '.'}: nothing written: ${refused.join(' ')}`);
  }
  return entries;
}

/** The arguments that name folders (not OME-Zarr stores, which are images), as absolute paths, in argument order. */
export async function folderTargets(cwd: string, given: readonly string[]): Promise<string[]> {
  const absolute = given.map((target) => path.resolve(cwd, target));
  const isDir = await Promise.all(
    absolute.map((target) =>
      stat(target).then(
        (s) => s.isDirectory(),
        () => false,
      ),
    ),
  );
  return absolute.filter((target, i) => isDir[i] === true && !isStoreFolderPath(target));
}

/** A path as the user would type it from `cwd`, `/`-separated. */
export function displayPath(cwd: string, absPath: string): string {
  const relative = path.relative(cwd, absPath);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? absPath : relative).split(path.sep).join('/');
}
