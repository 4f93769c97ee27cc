/**
 * Suggestions for a folder path typed in browser mode (the OME-TIFF output folder): the folder
 * the typed path is in, listed on the server, and its subfolders whose names start as the last
 * part typed. Paths are the backend's, with either separator.
 */
import type { FolderListing } from '../../../shared/api';

/** Whether a typed path is absolute on the backend's disk: `/data`, `C:\data`, `\\server\share`. */
export function isAbsolutePath(typed: string): boolean {
  return /^([\\/]|[A-Za-z]:[\\/])/.test(typed);
}

/** What to list for a typed path, and how a picked subfolder is written back. */
export interface SuggestionSource {
  /** The absolute folder whose subfolders are suggested. */
  listed: string;
  /** What was typed up to its last separator; a picked subfolder's name follows it. */
  head: string;
  /** What was typed after the last separator: the start of the names suggested. */
  start: string;
}

/**
 * Where suggestions for `typed` come from: an absolute path's own folder, else the folder under
 * `root` (the open folder) that the relative path is in. Null when there is nothing to list: no
 * folder before an absolute path's first separator, no open folder, or a `..` that leaves it.
 */
export function suggestionSource(typed: string, root: string): SuggestionSource | null {
  const cut = Math.max(typed.lastIndexOf('/'), typed.lastIndexOf('\\')) + 1;
  const head = typed.slice(0, cut);
  const start = typed.slice(cut);
  if (isAbsolutePath(typed)) return { listed: head, head, start };
  if (root === '' || head.split(/[\\/]/).includes('..')) return null;
  const separator = root.includes('\\') && !root.includes('/') ? '\\' : '/';
  const listed = head === '' ? root : `${root.replace(/[\\/]+$/, '')}${separator}${head}`;
  return { listed, head, start };
}

/** The subfolders whose names start as `start` does (any case), other than the one typed whole. */
export function matchingFolders(folders: FolderListing['folders'], start: string): FolderListing['folders'] {
  const wanted = start.toLowerCase();
  return folders.filter((folder) => folder.name !== start && folder.name.toLowerCase().startsWith(wanted));
}
