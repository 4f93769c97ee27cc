/**
 * Messages between the main thread and the write worker (saves, and the path checks of the
 * backend's requests). Both sides send arrays: the requests of one turn of the event loop go
 * in one message, the answers likewise.
 */
import type { SidecarVersion } from '../../../shared/api';
import type { FileStamp } from '../disk';
import type { SidecarListing } from './sidecar-path';
import type { FileSnapshot } from './opened-file';

/** Read a sidecar before its write: answered with a snapshot, null (no file) or `'link'` (with `noFollow`). */
export interface ReadRequest {
  type: 'read';
  id: number;
  file: string;
  /** The sidecar's name and image, for the messages of failures. */
  name: string;
  imagePath: string;
  noFollow: boolean;
}

/** What a save was made from: the version read, and the file's stamp when it was read. */
export interface Found {
  version: SidecarVersion;
  stamp: FileStamp;
}

/**
 * Write `bytes` to the new file `temp`, sync it and rename it over `target` if `target` still
 * holds what was read before (`found`): answered with the version on disk after the rename.
 */
export interface ReplaceRequest {
  type: 'replace';
  id: number;
  temp: string;
  target: string;
  bytes: Uint8Array;
  /** The permission bits to give the file (null: the default for a new file). */
  mode: number | null;
  /** What the write was made from (null: there was no file). */
  found: Found | null;
  /** The sidecar's name and image, for the messages of failures. */
  name: string;
  imagePath: string;
  /** The write's journal record, synced before the rename (its `after` is the version written); null: none. */
  journal: JournalEntry | null;
}

/**
 * Remove `target` if it still holds what was read before (`found`), its journal record (with
 * `after` null) synced first: answered with null once the file is gone.
 */
export interface RemoveRequest {
  type: 'remove';
  id: number;
  target: string;
  found: Found;
  name: string;
  imagePath: string;
  journal: JournalEntry | null;
}

/** A write's journal record, but for the version it writes (`journalLineStart`), and the journal folder it goes to. */
export interface JournalEntry {
  dir: string;
  id: string;
  lineStart: string;
}

/** Look at an image and its sidecar without following links (`lstat`): answered with a {@link Look}. */
export interface LookRequest {
  type: 'look';
  id: number;
  image: string;
  /** The paths from the image's folder to its sidecar (`sidecarStepsFor`). */
  sidecarSteps: string[];
}

/** What a look saw: the image (null: it could not be seen) and what stands under its sidecar's name. */
export interface Look {
  image: { link: boolean; file: boolean; folder: boolean; stamp: FileStamp } | null;
  sidecar: SidecarListing;
}

/** Append whole lines to this process's file in a journal folder: answered (null) once they are synced. */
export interface JournalRequest {
  type: 'journal';
  id: number;
  dir: string;
  text: string;
}

/** A request to the write worker. */
export type WriteRequest = ReadRequest | ReplaceRequest | RemoveRequest | LookRequest | JournalRequest;

/** A failure as data (errors do not cross thread boundaries intact). */
export interface CarriedError {
  message: string;
  /** The errno code (`ENOENT`), or the `ApiFailure` code when `api`. */
  code?: string;
  api?: boolean;
  path?: string;
}

/** The answer to one request. */
export type WriteReply =
  | { id: number; ok: true; value: FileSnapshot | SidecarVersion | Look | 'link' | null }
  | { id: number; ok: false; error: CarriedError };
