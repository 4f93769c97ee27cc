/**
 * The events the backend pushes to the renderer (scan progress, changes on disk, the folder's
 * watch, background jobs, the index's refresh, menu commands and window questions), part of the
 * contract in `api.ts`.
 */
import type { ApiError, ImageRow } from './api-types';
import type { CollectionExportOutcome, CollectionExportProgress } from './api-collection';
import type { ConvertProgress, ConvertSummary } from './api-convert';
import type { CalibrationProgress, CalibrationSummary } from './api-calibrate';
import type { FolderWatching } from './api-session';
import type { UploadOutcome, UploadProgress } from './api-upload';
import type { IndexRefreshProgress, IndexRefreshSummary } from './api-index';
import type { MenuCommand, WindowQuestion } from './api-window';
import type { UnreadFiles } from './unread-files';

/** Events the backend pushes while work is under way. */
export type ApiEvent =
  | { type: 'scan-rows'; scanId: string; rows: ImageRow[]; done: number; total: number | null }
  /** `unread`: the acquisition files that got no row (formats AcqMeta does not read); absent when there are none. */
  | { type: 'scan-done'; scanId: string; total: number; unread?: UnreadFiles }
  | { type: 'scan-cancelled'; scanId: string; done: number }
  | { type: 'scan-failed'; scanId: string; error: ApiError }
  | FolderChangedEvent
  /** The open folder is being watched from now on: natively, or by polling (network shares). */
  | ({ type: 'folder-watching' } & FolderWatching)
  /** The open folder cannot be written: its change journal is kept in the settings folder, at `dir` (told once per folder). */
  | { type: 'journal-elsewhere'; root: string; dir: string }
  | ({ type: 'convert-progress'; jobId: string } & ConvertProgress)
  | { type: 'convert-done'; jobId: string; summary: ConvertSummary }
  /** The conversion could not go on at all (the output folder cannot be made); images already written stay. */
  | { type: 'convert-failed'; jobId: string; error: ApiError }
  | ({ type: 'collection-export-progress'; jobId: string } & CollectionExportProgress)
  | { type: 'collection-export-done'; jobId: string; outcome: CollectionExportOutcome }
  /** The export could not be made at all (a destination refused, a disk error): nothing was written. */
  | { type: 'collection-export-failed'; jobId: string; error: ApiError }
  | ({ type: 'calibrate-progress'; jobId: string } & CalibrationProgress)
  | { type: 'calibrate-done'; jobId: string; summary: CalibrationSummary }
  /** The writes could not go on at all (a disk error outside any one image): the images done stay done. */
  | { type: 'calibrate-failed'; jobId: string; error: ApiError }
  | ({ type: 'upload-progress'; jobId: string } & UploadProgress)
  | { type: 'upload-done'; jobId: string; outcome: UploadOutcome }
  /** The build could not go on (a disk error, HuBMAP's checks could not run): the upload folder is as it was. */
  | { type: 'upload-failed'; jobId: string; error: ApiError }
  | ({ type: 'index-refresh-progress'; jobId: string } & IndexRefreshProgress)
  | { type: 'index-refresh-done'; jobId: string; summary: IndexRefreshSummary }
  /** The refresh could not go on (the index refused, a disk error): the batches written stay. */
  | { type: 'index-refresh-failed'; jobId: string; error: ApiError }
  /** Images were written, but the index in use could not be updated: the writes stand, its next refresh picks them up. */
  | { type: 'index-not-updated'; message: string }
  | { type: 'menu'; command: MenuCommand }
  | { type: 'window-question'; id: number; question: WindowQuestion };

/**
 * Files of the open folder changed on disk, made by another program (our own sidecar saves do
 * not come back as events). A burst of changes arrives as a few events.
 */
export interface FolderChangedEvent {
  type: 'folder-changed';
  /** The open folder's `root` (events of a folder no longer open are to be ignored). */
  root: string;
  /** Images that appeared or whose image or sidecar changed, read again. */
  rows: ImageRow[];
  /** Paths of images that are gone, and of folders that are gone with every image in them. */
  removed: string[];
  /** A lab profile, channel table or microscope description came, went or changed: the profiles in force and every row's problems are to be loaded again. */
  profiles: boolean;
  /**
   * The folders (relative to `root`, `''` for it) whose microscope descriptions
   * (`acqmeta.instruments/`) came, went or changed: the Lab catalogue names of the rows below
   * them are to be read again.
   */
  catalogues: string[];
}
