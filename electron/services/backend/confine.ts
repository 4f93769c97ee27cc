/**
 * Path confinement: every path a request names must resolve inside the opened folder.
 */
import { lstat, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { ApiFailure } from '../../../shared/errors';
import { stampOf, type FileStamp } from '../folder/file-stamp';
import { isInside } from '../folder/inside';
import { imageKind, type ImageEntry, type SidecarListing } from '../folder/list-images';
import { sidecarPathFor } from '../sidecar';

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
 * OUTSIDE_FOLDER, a missing file or a file that is not an image with NOT_FOUND. With
 * `realFolders`, the real path of each folder is looked up once per batch.
 */
export async function resolveImage(folder: OpenFolder, relPath: string, realFolders?: RealFolders): Promise<ImageEntry> {
  checkRelativePath(relPath);
  const absPath = path.join(folder.root, ...relPath.split('/'));
  let found: { real: string; isFile: boolean; stamp: FileStamp };
  try {
    found = await realFile(absPath, realFolders);
  } catch {
    throw new ApiFailure('NOT_FOUND', `${relPath} does not exist.`, relPath);
  }
  if (!isInside(folder.realRoot, found.real)) {
    throw new ApiFailure('OUTSIDE_FOLDER', `${relPath} links outside the open folder.`, relPath);
  }
  const kind = imageKind(path.basename(relPath));
  if (kind === null || !found.isFile) throw new ApiFailure('NOT_FOUND', `${relPath} is not an image.`, relPath);
  const sidecar = await sidecarListing(sidecarPathFor(absPath));
  if (kind === 'other' && sidecar === 'none') {
    throw new ApiFailure('NOT_FOUND', `${relPath} has no sidecar (only TIFFs are read without one).`, relPath);
  }
  return { relPath, absPath, kind, sidecar, stamp: found.stamp };
}

/** Refuses a sidecar that is a symbolic link to a place outside the opened folder. */
export async function checkSidecarInside(folder: OpenFolder, entry: ImageEntry): Promise<void> {
  if (entry.sidecar !== 'link') return;
  const real = await realpath(sidecarPathFor(entry.absPath)).catch(() => null);
  if (real === null || !isInside(folder.realRoot, real)) {
    throw new ApiFailure('OUTSIDE_FOLDER', `The sidecar of ${entry.relPath} links outside the open folder.`, entry.relPath);
  }
}

/** The real path of an existing file, whether it is a regular file, and its stamp; rejects when it does not exist. */
async function realFile(absPath: string, realFolders: RealFolders | undefined): Promise<{ real: string; isFile: boolean; stamp: FileStamp }> {
  const info = realFolders === undefined ? null : await lstat(absPath);
  if (info === null || info.isSymbolicLink()) {
    const real = await realpath(absPath);
    const target = await stat(real);
    return { real, isFile: target.isFile(), stamp: stampOf(target) };
  }
  const dir = path.dirname(absPath);
  let realDir = realFolders?.get(dir);
  if (realDir === undefined) {
    realDir = realpath(dir);
    realFolders?.set(dir, realDir);
  }
  return { real: path.join(await realDir, path.basename(absPath)), isFile: info.isFile(), stamp: stampOf(info) };
}

async function sidecarListing(sidecarPath: string): Promise<SidecarListing> {
  try {
    const info = await lstat(sidecarPath);
    return info.isSymbolicLink() ? 'link' : info.isFile() ? 'file' : 'none';
  } catch {
    return 'none';
  }
}
