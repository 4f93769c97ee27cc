/**
 * The session's types: the folder open, browser mode's folder listing, what the UI needs at
 * start-up, and how the open folder is watched.
 */

/** The folder the user opened. */
export interface FolderInfo {
  /** Absolute path on the backend's disk. */
  root: string;
  /** Last path component, for titles. */
  name: string;
}

/** The subfolders of a folder the server may open, for browser mode's folder dialog. */
export interface FolderListing {
  /** Absolute path of the folder listed. */
  path: string;
  /** Its parent when the server may open that too; null at the top. */
  parent: string | null;
  /** Its subfolders (name and absolute path), in natural order; hidden ones (`.name`) are left out. */
  folders: { name: string; path: string }[];
  /** There were more subfolders than listed. */
  truncated: boolean;
}

/** State the UI needs at start-up. */
export interface SessionInfo {
  /** Which front door served the UI. */
  door: 'electron' | 'browser';
  /** The folder open now, if any (browser mode opens `--root` at start). */
  folder: FolderInfo | null;
  /** Recently opened folders, newest first (in browser mode, those the server may open). */
  recent: string[];
  /** The bundled sample folder, when available. */
  sampleFolder: string | null;
  /** How the open folder is watched, once watching has started (later: a `folder-watching` event). */
  watching: FolderWatching | null;
}

/** How a folder is watched for changes: native events, or polling (network shares). */
export interface FolderWatching {
  root: string;
  mode: 'native' | 'poll';
}
