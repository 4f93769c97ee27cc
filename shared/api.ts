/**
 * The one contract between the UI and the backend.
 *
 * Every operation the renderer may ask for is a key of {@link ApiMethods} with its request
 * and response types. The Electron preload, the main-process IPC handlers, the browser-mode
 * HTTP server and the renderer's client are all typed from this map, so adding a method is
 * one edit here that the compiler then follows everywhere. Errors cross as data
 * ({@link ApiResult}) with stable {@link ErrorCode}s, never as thrown strings.
 */
import type { ApiResult, ImageRow, SidecarVersion, TableFile } from './api-types';
import type { ResultsFormat } from './analysis/results-table';
import type { FieldValues } from './fields/field-table';
import type { TableExportFormat } from './sheets/table-export';
import type { ImportPreview } from './sheets/table-import';
import type { DatasetDraft } from './sheets/dataset-drafts';
import type { PresetList, StoredPreset } from './presets/preset-file';
import type { ImageDetail, PreviewImage } from './api-image';
import type { SaveJournal, SaveOutcome, SaveRequest } from './api-save';
import type { ProfileInfo, ValuesChecked, ValuesToCheck } from './api-profile';
import type { ChannelTableInfo, ChannelTableRestorePlan, ChannelTableSave, ChannelTableSaved } from './api-channels';
import type {
  InstrumentCatalogueInfo,
  InstrumentDraft,
  InstrumentFileSave,
  InstrumentFileSaved,
} from './api-instruments';
import type { FolderLayoutCheck } from './api-submission';
import type { DatasetInfo, DatasetSave, DatasetSaved } from './api-dataset';
import type { SubmissionExport } from './api-submission-export';
import type { SubmissionMetadataCheck } from './api-submission-metadata';
import type { FolderInfo, FolderListing, SessionInfo } from './api-session';
import type { FolderJournal } from './api-journal';
import type { JobMethods } from './api-jobs';
import type { CalibrationMethods } from './api-calibrate';
import type { UploadMethods } from './api-upload';
import type { IndexMethods } from './api-index';

export * from './api-types';
export type { ResultsFormat } from './analysis/results-table';
export type { TableExportFormat } from './sheets/table-export';
export type { ImportChange, ImportError, ImportPreview, ImportWarning } from './sheets/table-import';
export type { Preset, PresetEntry, PresetList, StoredPreset } from './presets/preset-file';
export type { DamagedSidecar, ImageDetail, PreviewImage, SalvagedValue, TagEntry } from './api-image';
export type { SaveJournal, SaveOutcome, SaveRequest } from './api-save';
export type { UnreadFiles } from './unread-files';
export type { ChannelTableInfo, ChannelTableRestorePlan, ChannelTableSave, ChannelTableSaved } from './api-channels';
export type * from './api-instruments';
export type { FolderLayoutCheck, LayoutPattern } from './api-submission';
export type { DatasetInfo, DatasetSave, DatasetSaved, PeopleListInfo } from './api-dataset';
export type { SubmissionExport, SubmissionExportFile, TodoItem } from './api-submission-export';
export type { MetadataColumn, SubmissionMetadataCheck } from './api-submission-metadata';
export type { FolderInfo, FolderListing, FolderWatching, SessionInfo } from './api-session';
export type { ApiEvent, FolderChangedEvent } from './api-events';
export type { FolderJournal } from './api-journal';
export type * from './api-collection';
export type * from './api-convert';
export type * from './api-calibrate';
export type * from './api-upload';
export type * from './api-index';
export type { ApiClient } from './api-client';
export type { MenuCommand, MenuState, WindowAnswer, WindowQuestion } from './api-window';
export type * from './api-profile';

/** Every backend operation: request and response types. */
export interface ApiMethods extends JobMethods, CalibrationMethods, UploadMethods, IndexMethods {
  /**
   * The state at start-up. With `scan`, a scan of the open folder starts in the same call (what
   * a window does first; saves a round trip before the first rows); its id is in `scanId`.
   */
  getSession: { request: { scan?: boolean }; response: SessionInfo & { scanId: string | null } };
  /** Without `path`, Electron shows the native dialog; null when the user cancels. */
  openFolder: { request: { path?: string }; response: FolderInfo | null };
  /**
   * Browser mode only: the subfolders of `path` (without it, of the folder the server was
   * started with), confined to the folders the server may open.
   */
  listFolders: { request: { path?: string }; response: FolderListing };
  /**
   * Electron only: the native dialog's chosen folder, not opened (e.g. where copies go); null
   * when the user cancels. Browser mode answers BAD_REQUEST: it has no native dialog.
   */
  chooseFolderPath: { request: Record<string, never>; response: { path: string | null } };
  /** Starts a scan of the open folder; rows arrive as `scan` events tagged with `scanId`. */
  scanFolder: { request: Record<string, never>; response: { scanId: string } };
  /** Stops the running scan (`scanId`'s, when given); rows sent stay; `scan-cancelled` follows; false when none ran. */
  cancelScan: { request: { scanId?: string }; response: { cancelled: boolean } };
  getImageDetail: { request: { path: string }; response: ImageDetail };
  /** Re-reads one image's row (e.g. "Reload theirs" after a conflict). */
  reloadRow: { request: { path: string }; response: ImageRow };
  getPreview: {
    request: { path: string; c: number; z: number; t: number; maxSize: number };
    response: PreviewImage;
  };
  /**
   * Saves many files; each succeeds or fails on its own. A change that breaks the lab profile
   * in force (a closed vocabulary, a pattern, a format, a range; never `required`) fails with
   * INVALID_VALUE, as in `acqmeta set`.
   */
  saveSidecars: { request: { saves: SaveRequest[]; journal?: SaveJournal }; response: SaveOutcome[] };
  /** Every lab profile in force in the open folder (re-read when its file changed). */
  getProfiles: { request: Record<string, never>; response: ProfileInfo[] };
  /**
   * Checks values over each image's stored sidecar with the field table's format checks and
   * the profile in force: all problems of each image (`required` included), as the command line
   * reports them. `saveSidecars`, `acqmeta set` and `acqmeta import` refuse the format problems
   * and the profile problems of changed fields other than `required` (see shared/profile/save-rules).
   */
  checkValues: { request: { items: ValuesToCheck[] }; response: ValuesChecked[] };
  /**
   * The open folder's images (or those of `paths`) as a table file, read from disk; with
   * `acquisition`, each image's header is read too and the acquisition columns follow the fields.
   */
  exportTable: { request: { format: TableExportFormat; paths?: string[]; acquisition?: boolean }; response: TableFile };
  /**
   * A draft dataset readme (Markdown) of the open folder or of `paths`, from the images and
   * sidecars on disk and the lab profiles in force, with marked places for what it cannot know;
   * with `draft: 'methods'`, the draft of a paper's Methods text instead.
   */
  exportReadme: { request: { paths?: string[]; draft?: DatasetDraft }; response: TableFile };
  /**
   * What importing a table file (CSV, TSV or XLSX) would change, against the sidecars on disk:
   * every change, error and warning. Writes nothing.
   */
  previewImport: { request: { fileName: string; base64: string }; response: ImportPreview };
  /** The results table (one row per analysis record) of the open folder or of `paths`; reads, never writes. */
  exportResults: { request: { format: ResultsFormat; paths?: string[] }; response: TableFile };
  /** The presets in the user's settings folder, broken files included. */
  listPresets: { request: Record<string, never>; response: PresetList };
  /** Adds a preset; one of the same name is replaced only with `overwrite` (else CONFLICT). */
  savePreset: { request: { name: string; fields: FieldValues; overwrite?: boolean }; response: StoredPreset };
  /** Renames a preset; CONFLICT when another has the name. */
  renamePreset: { request: { id: string; name: string }; response: StoredPreset };
  /** Deletes a preset file (a broken one too). */
  deletePreset: { request: { id: string }; response: { id: string } };
  /** The channel table of a folder (relative; `''` for the open folder) and a draft of it from the image headers. */
  getChannelTable: { request: { folder: string }; response: ChannelTableInfo };
  /**
   * Writes (or, with `table: null`, removes) a folder's own channel table atomically; CONFLICT
   * when the file on disk is no longer the version the edit was made from.
   */
  saveChannelTable: { request: ChannelTableSave; response: ChannelTableSaved };
  /**
   * What restoring a channel table to before its journal record (or batch) `id` would write, or
   * why it cannot (changed since AcqMeta wrote it, earlier text not kept); NOT_FOUND when no
   * channel table record has that id. Writes nothing.
   */
  planChannelTableRestore: { request: { id: string }; response: ChannelTableRestorePlan };
  /**
   * Restores the table as `planChannelTableRestore` plans it, journaled, if the file is still
   * the version `expected` the plan saw; CONFLICT when it changed since AcqMeta wrote it (or
   * since the plan), INVALID_VALUE when the earlier table cannot be had from the journal.
   */
  restoreChannelTable: { request: { id: string; expected: SidecarVersion | null }; response: ChannelTableSaved };
  /**
   * The microscope catalogue in force for a folder (relative; `''` for the open folder): each
   * description file with its text, version and problems, and the editor's field specs.
   */
  getInstrumentCatalogue: { request: { folder: string }; response: InstrumentCatalogueInfo };
  /**
   * Writes (or, with `text: null`, removes) one description file atomically, journaled;
   * BAD_REQUEST unless it is a `.json` file directly in an `acqmeta.instruments` folder,
   * INVALID_VALUE when the text is not a usable description, CONFLICT when the file on disk is
   * no longer the version the edit was made from.
   */
  saveInstrumentFile: { request: InstrumentFileSave; response: InstrumentFileSaved };
  /** A description drafted from what an image (relative path) records of its hardware. Reads, never writes. */
  draftInstrumentFromImage: { request: { path: string }; response: InstrumentDraft };
  /** The open folder's dataset values and people (acqmeta.dataset.json) and the lab's people list in force. Reads, never writes. */
  getDataset: { request: Record<string, never>; response: DatasetInfo };
  /**
   * Writes (or, with `dataset: null`, removes) the open folder's dataset file, journaled, as
   * `acqmeta dataset` does; INVALID_VALUE naming each value or person the templates refuse
   * (nothing written), CONFLICT when the file on disk is no longer the version the edit was made from.
   */
  saveDataset: { request: DatasetSave; response: DatasetSaved };
  /**
   * Puts the dataset file back as it was before its journal record (or batch) `id`, as `acqmeta
   * restore --undo` does; NOT_FOUND when no dataset file record has that id, CONFLICT when the
   * file is no longer what AcqMeta's latest write of it left.
   */
  restoreDataset: { request: { id: string }; response: DatasetSaved };
  /**
   * The change journal of the open folder: the records of `paths`, or of `batch` (a batch id),
   * or all of them, paths relative to the open folder, oldest first; reads, never writes.
   */
  getJournal: { request: { paths?: string[]; batch?: string }; response: FolderJournal };
  /**
   * The open folder's layout checked against a repository's directory schema (`target`, e.g.
   * `hubmap:confocal`; omitted: the targets only), paths matching an `ignore` glob allowed;
   * INVALID_VALUE for an unknown target or a bad glob. Reads, never writes.
   */
  checkFolderLayout: { request: { target?: string; ignore?: string[] }; response: FolderLayoutCheck };
  /**
   * The files of a submission format (`hubmap:confocal`, …) drafted from the open folder's images,
   * sidecars and channel table, each with its to-do, as `acqmeta export --format` writes them;
   * INVALID_VALUE for an unknown format. Reads, never writes: the renderer offers the files.
   */
  exportSubmission: { request: { format: string }; response: SubmissionExport };
  /**
   * The metadata file of a submission target (`target`; omitted: the `x-target` of the profile in
   * force for the open folder) made from the open folder's images, column by column: each value
   * with where it came from, or why it is still to fill. INVALID_VALUE for an unknown target. Reads, never writes.
   */
  checkSubmissionMetadata: { request: { target?: string }; response: SubmissionMetadataCheck };
}

/** Name of a backend operation. */
export type ApiMethodName = keyof ApiMethods;

/** Request type of a method. */
export type ApiRequest<K extends ApiMethodName> = ApiMethods[K]['request'];

/** Response type of a method. */
export type ApiResponse<K extends ApiMethodName> = ApiMethods[K]['response'];

/** One async function per method, as a client calls them. */
export type ApiCalls = {
  [K in ApiMethodName]: (request: ApiRequest<K>) => Promise<ApiResult<ApiResponse<K>>>;
};

/** One entry per method: a method missing here is a compile error, so no transport forgets one. */
const METHODS: { readonly [K in ApiMethodName]: true } = {
  getSession: true,
  openFolder: true,
  listFolders: true,
  chooseFolderPath: true,
  scanFolder: true,
  cancelScan: true,
  getImageDetail: true,
  reloadRow: true,
  getPreview: true,
  saveSidecars: true,
  getProfiles: true,
  checkValues: true,
  exportTable: true,
  exportReadme: true,
  previewImport: true,
  exportResults: true,
  listPresets: true,
  savePreset: true,
  renamePreset: true,
  deletePreset: true,
  getChannelTable: true,
  saveChannelTable: true,
  planChannelTableRestore: true,
  restoreChannelTable: true,
  getInstrumentCatalogue: true,
  saveInstrumentFile: true,
  draftInstrumentFromImage: true,
  getDataset: true,
  saveDataset: true,
  restoreDataset: true,
  getJournal: true,
  checkFolderLayout: true,
  exportSubmission: true,
  checkSubmissionMetadata: true,
  startConvert: true,
  cancelConvert: true,
  startCollectionExport: true,
  cancelCollectionExport: true,
  reviewCalibration: true,
  startCalibration: true,
  cancelCalibration: true,
  undoHeaderWrite: true,
  reviewUpload: true,
  startUpload: true,
  cancelUpload: true,
  showUpload: true,
  getIndexStatus: true,
  searchIndex: true,
  getSearchPage: true,
  startIndexRefresh: true,
  cancelIndexRefresh: true,
};

/** Every method name, for transports that register them one by one. */
export const API_METHOD_NAMES = Object.keys(METHODS) as readonly ApiMethodName[];

/** Backend side of the contract: one async function per method; failures throw `ApiFailure`. */
export type ApiHandlers = {
  [K in ApiMethodName]: (request: ApiRequest<K>) => Promise<ApiResponse<K>>;
};
