/**
 * The walk under an opened folder, depth first in code-point order, without recursion: a tree
 * thousands of folders deep is walked with a stack of its own, never the call stack, and a
 * folder past {@link MAX_LISTED_DEPTH} levels is one entry that says so instead of being walked.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isZarrStoreName } from '../../../shared/ngff/store-name';
import { MAX_LISTED_DEPTH } from '../../../shared/unread-files';
import { beforeListing, isInside } from '../disk';

/** One file found under a folder, with the names in its directory (to tell sidecars apart). */
export interface FileEntry {
  /** Relative to the walked folder, `/`-separated. */
  relPath: string;
  absPath: string;
  name: string;
  /** The directory's listing, by name. */
  siblings: ReadonlyMap<string, Dirent>;
  /** A folder deeper than {@link MAX_LISTED_DEPTH} levels: listed as it is, not walked into. */
  tooDeep?: true;
}

/** Orders names by code point, the same on every platform. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One folder being walked: its names in order, the next one to look at, the files since its last subfolder. */
interface Frame {
  /** The folder with a trailing separator, so that a name is appended to it. */
  dirPrefix: string;
  realPrefix: string;
  relDir: string;
  depth: number;
  byName: Map<string, Dirent>;
  names: string[];
  next: number;
  run: FileEntry[];
}

/** The folder's frame; null for a subfolder that cannot be listed (permissions, removed), which is skipped. */
async function openFrame(dir: string, realDir: string, relDir: string, depth: number): Promise<Frame | null> {
  let dirents: Dirent[];
  try {
    await beforeListing(dir);
    dirents = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    // The root must be readable; a subfolder that is not is skipped.
    if (depth === 0) throw error;
    return null;
  }
  const byName = new Map(dirents.map((d) => [d.name, d]));
  const names = [...byName.keys()].filter((n) => !n.startsWith('.')).sort(compareNames);
  // `dir` and `realDir` are normalized and a name holds no separator: joining is concatenating
  const withSep = (folder: string): string => (folder.endsWith(path.sep) ? folder : `${folder}${path.sep}`);
  return { dirPrefix: withSep(dir), realPrefix: withSep(realDir), relDir, depth, byName, names, next: 0, run: [] };
}

/**
 * Walks `root`, a folder's run of files at a time (the files between two of its subfolders).
 * Hidden names are skipped; a link is followed only when it resolves inside `root`, and each
 * real folder is visited once, so link loops end; a Zarr store (a folder named `*.zarr`) is
 * listed as a file instead of walked into.
 */
export async function* walkRoot(root: string): AsyncGenerator<FileEntry[]> {
  const absRoot = path.resolve(root);
  const realRoot = await realpath(absRoot);
  const visited = new Set<string>([realRoot]);
  const stack = [(await openFrame(absRoot, realRoot, '', 0)) as Frame];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const name = frame.names[frame.next++];
    if (name === undefined) {
      stack.pop();
      if (frame.run.length > 0) yield frame.run;
      continue;
    }
    const dirent = frame.byName.get(name) as Dirent;
    const absPath = frame.dirPrefix + name;
    const relPath = frame.relDir === '' ? name : `${frame.relDir}/${name}`;
    let isDir = dirent.isDirectory();
    let realPath = frame.realPrefix + name;
    if (dirent.isSymbolicLink()) {
      const target = await resolveLink(absPath, realRoot);
      if (target === null) continue;
      isDir = target.isDir;
      realPath = target.realPath;
    } else if (!isDir && !dirent.isFile()) {
      continue;
    }
    const entry: FileEntry = { relPath, absPath, name, siblings: frame.byName };
    if (!isDir || isZarrStoreName(name)) {
      frame.run.push(entry);
      continue;
    }
    if (visited.has(realPath)) continue;
    visited.add(realPath);
    if (frame.run.length > 0) yield frame.run;
    frame.run = [];
    if (frame.depth + 1 > MAX_LISTED_DEPTH) {
      yield [{ ...entry, tooDeep: true }];
      continue;
    }
    const child = await openFrame(absPath, realPath, relPath, frame.depth + 1);
    if (child !== null) stack.push(child);
  }
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
