/**
 * The one contract between the UI and the backend.
 *
 * Every operation the renderer may ask for is a key of {@link ApiMethods} with its request
 * and response types. The Electron preload, the main-process IPC handlers, the browser-mode
 * HTTP server and the renderer's client are all typed from this map, so adding a method is
 * one edit here that the compiler then follows everywhere. Errors cross as data
 * ({@link ApiResult}) with stable {@link ErrorCode}s, never as thrown strings.
 */
import type { FieldValues } from './fields/field-table';

/** Stable error codes; the UI and tests branch on these, never on message text. */
export type ErrorCode =
  | 'BAD_REQUEST' // the request does not match its schema
  | 'NO_FOLDER' // no folder is open yet
  | 'OUTSIDE_FOLDER' // a path escapes the opened folder
  | 'NOT_FOUND' // the image or folder does not exist
  | 'CONFLICT' // the sidecar changed on disk since it was read
  | 'INVALID_SIDECAR' // corrupt JSON, wrong version or missing keys: never overwritten
  | 'INVALID_VALUE' // a field value fails validation
  | 'UNREADABLE_IMAGE' // the TIFF could not be read (hostile, truncated, unsupported)
  | 'IO' // the disk said no (permissions, disk full, ...)
  | 'INTERNAL';

/** An error as data. */
export interface ApiError {
  code: ErrorCode;
  /** One sentence for a person, naming the file or field concerned. */
  message: string;
  /** The image path (relative to the opened folder) it concerns, if any. */
  path?: string;
}

/** What every method resolves to. */
export type ApiResult<T> = { ok: true; payload: T } | { ok: false; error: ApiError };

/** The eight read-only header values, as CloudScope stores them. */
export interface HeaderValues {
  shape: string;
  dims: string;
  sizes: string;
  dtype: string;
  num_channels: number;
  num_scenes: number;
  date: string;
  time: string;
}

/** A pixel size declared by the image file itself (ImageJ, OME or resolution tags). */
export interface FileCalibration {
  x: number;
  y: number;
  unit: string;
}

/** Sidecar state on disk. */
export type SidecarState = 'missing' | 'ok' | 'invalid';

/** What was read, so a save can tell whether someone else changed the file since. */
export interface SidecarVersion {
  size: number;
  mtimeMs: number;
  sha256: string;
}

/** One image of the opened folder, as the table shows it. */
export interface ImageRow {
  /** Relative to the opened folder, `/`-separated. */
  path: string;
  /** `tiff` images are read by the scanner; `other` (.oir, .czi, .nd2) only have a sidecar. */
  kind: 'tiff' | 'other';
  /** From the image for TIFFs, from the sidecar for other formats; null when unreadable. */
  header: HeaderValues | null;
  fileCalibration: FileCalibration | null;
  sidecar: SidecarState;
  /** Null when the sidecar is missing. */
  version: SidecarVersion | null;
  /** The 19 editable fields as stored (defaults where the sidecar is missing or lacks a key). */
  values: FieldValues;
  /** Problems to show on the row: image read errors, sidecar errors, calibration mismatch. */
  errors: string[];
}

/** The folder the user opened. */
export interface FolderInfo {
  /** Absolute path on the backend's disk. */
  root: string;
  /** Last path component, for titles. */
  name: string;
}

/** State the UI needs at start-up. */
export interface SessionInfo {
  /** Which front door served the UI. */
  door: 'electron' | 'browser';
  /** The folder open now, if any (browser mode opens `--root` at start). */
  folder: FolderInfo | null;
  /** Recently opened folders, newest first. */
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

/** One TIFF tag of the first IFD, for the "All tags" view. */
export interface TagEntry {
  code: number;
  name: string;
  type: string;
  count: number;
  /** Human-readable value, shortened for long arrays. */
  value: string;
}

/** Everything the editor's header section shows for one image. */
export interface ImageDetail {
  row: ImageRow;
  pageCount: number | null;
  compression: string;
  tiled: boolean;
  byteOrder: 'little' | 'big' | null;
  bigTiff: boolean;
  tags: TagEntry[];
  /** ImageDescription with NULs stripped; `kind` says how to pretty-print it. */
  description: { kind: 'ome' | 'imagej' | 'json' | 'text' | 'none'; text: string };
  /** Plane counts for the preview sliders. */
  planes: { c: number; z: number; t: number };
}

/** A downsampled, auto-contrasted plane for the preview, as 8-bit gray or RGB. */
export interface PreviewImage {
  width: number;
  height: number;
  channels: 1 | 3;
  /** base64 of width*height*channels bytes, row-major. */
  data: string;
  /** Full-size dimensions of the plane. */
  sourceWidth: number;
  sourceHeight: number;
}

/** One file's save: the changed fields and the version the UI read. */
export interface SaveRequest {
  path: string;
  changes: FieldValues;
  /** The version that was read; null when the sidecar was missing. */
  expected: SidecarVersion | null;
  /** Skip the conflict check ("Overwrite with mine"). */
  overwrite?: boolean;
}

/** The result of one file's save. */
export type SaveOutcome =
  | { path: string; ok: true; row: ImageRow }
  | { path: string; ok: false; error: ApiError };

/** Every backend operation: request and response types. */
export interface ApiMethods {
  getSession: { request: Record<string, never>; response: SessionInfo };
  /** Without `path`, Electron shows the native dialog; null when the user cancels. */
  openFolder: { request: { path?: string }; response: FolderInfo | null };
  /** Starts a scan of the open folder; rows arrive as `scan` events tagged with `scanId`. */
  scanFolder: { request: Record<string, never>; response: { scanId: string } };
  getImageDetail: { request: { path: string }; response: ImageDetail };
  /** Re-reads one image's row (e.g. "Reload theirs" after a conflict). */
  reloadRow: { request: { path: string }; response: ImageRow };
  getPreview: {
    request: { path: string; c: number; z: number; t: number; maxSize: number };
    response: PreviewImage;
  };
  /** Saves many files; each succeeds or fails on its own. */
  saveSidecars: { request: { saves: SaveRequest[] }; response: SaveOutcome[] };
}

/** Name of a backend operation. */
export type ApiMethodName = keyof ApiMethods;

/** Request type of a method. */
export type ApiRequest<K extends ApiMethodName> = ApiMethods[K]['request'];

/** Response type of a method. */
export type ApiResponse<K extends ApiMethodName> = ApiMethods[K]['response'];

/** Events the backend pushes while work is under way. */
export type ApiEvent =
  | { type: 'scan-rows'; scanId: string; rows: ImageRow[]; done: number; total: number | null }
  | { type: 'scan-done'; scanId: string; total: number }
  | { type: 'scan-failed'; scanId: string; error: ApiError }
  | FolderChangedEvent
  /** The open folder is being watched from now on: natively, or by polling (network shares). */
  | ({ type: 'folder-watching' } & FolderWatching)
  | { type: 'menu'; command: MenuCommand };

/**
 * Files of the open folder changed on disk, made by another program (our own saves do not
 * come back as events). A burst of changes arrives as a few events.
 */
export interface FolderChangedEvent {
  type: 'folder-changed';
  /** The open folder's `root` (events of a folder no longer open are to be ignored). */
  root: string;
  /** Images that appeared or whose image or sidecar changed, read again. */
  rows: ImageRow[];
  /** Paths of images that are gone, and of folders that are gone with every image in them. */
  removed: string[];
}

/** Commands the native menu sends to the UI. */
export type MenuCommand = 'open-folder' | 'save' | 'revert-field' | 'toggle-theme' | 'find';

/** What the renderer holds: one async function per method plus an event subscription. */
export type ApiClient = {
  [K in ApiMethodName]: (request: ApiRequest<K>) => Promise<ApiResult<ApiResponse<K>>>;
} & {
  /** Subscribes to backend events; returns the unsubscribe function. */
  onEvent(listener: (event: ApiEvent) => void): () => void;
};

/** One entry per method: a method missing here is a compile error, so no transport forgets one. */
const METHODS: { readonly [K in ApiMethodName]: true } = {
  getSession: true,
  openFolder: true,
  scanFolder: true,
  getImageDetail: true,
  reloadRow: true,
  getPreview: true,
  saveSidecars: true,
};

/** Every method name, for transports that register them one by one. */
export const API_METHOD_NAMES = Object.keys(METHODS) as readonly ApiMethodName[];

/** Backend side of the contract: one async function per method; failures throw `ApiFailure`. */
export type ApiHandlers = {
  [K in ApiMethodName]: (request: ApiRequest<K>) => Promise<ApiResponse<K>>;
};
