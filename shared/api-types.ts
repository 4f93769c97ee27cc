/**
 * The data the API carries about images and errors: a row of the table, a header's values, a
 * sidecar's version, an error with its stable code. `api.ts` re-exports it with the methods.
 */
import type { Acquisition } from './acquisition/acquisition-types';
import type { ResultValues } from './analysis/analysis-types';
import type { FieldValues } from './fields/field-table';
import type { ImageFormat } from './image-format';
import type { ProfileProblem } from './api-profile';
import type { FileCalibration, HeaderValues } from './image-header';

export { HEADER_KEYS, type CalibrationSource, type FileCalibration, type HeaderValues } from './image-header';

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

/** Sidecar state on disk. */
export type SidecarState = 'missing' | 'ok' | 'invalid';

/** What was read, so a save can tell whether someone else changed the file since. */
export interface SidecarVersion {
  size: number;
  mtimeMs: number;
  sha256: string;
}

/** The names of the lab's microscope and objective (`acqmeta.instruments/`) an image matched; each absent when unmatched. */
export interface CatalogueNames {
  instrument?: string;
  objective?: string;
}

/** One image of the opened folder, as the table shows it. */
export interface ImageRow {
  /** Relative to the opened folder, `/`-separated. */
  path: string;
  /** The file's format: every one but `oir` is read by the scanner; an OIR only has its sidecar. */
  format: ImageFormat;
  /** From the image file, from the sidecar for an OIR; null when unreadable. */
  header: HeaderValues | null;
  fileCalibration: FileCalibration | null;
  /** What the microscope recorded about the acquisition (from the image file); absent when unknown. */
  acquisition?: Acquisition;
  sidecar: SidecarState;
  /** Null when the sidecar is missing. */
  version: SidecarVersion | null;
  /** The 19 editable fields as stored (defaults where the sidecar is missing or lacks a key). */
  values: FieldValues;
  /** Problems to show on the row: image read errors, sidecar errors, calibration mismatch. */
  errors: string[];
  /** The lab profile in force ({@link ProfileInfo.source}); null when none applies. */
  profile: string | null;
  /**
   * What the profile in force finds wrong with the sidecar (an image without one is checked
   * as if it had the default values). Empty without a profile or when the sidecar is invalid.
   * A row is ready when `errors` and `profileProblems` are both empty.
   */
  profileProblems: ProfileProblem[];
  /** Editable fields whose key the sidecar lacks (older CloudScope files lack `age`); omitted when none. */
  absentFields?: string[];
  /** Numeric summary values of the sidecar's analysis records; absent when it has none. */
  results?: ResultValues;
  /** What the image matched in the lab's microscope catalogue in force; absent when nothing (or no catalogue). */
  catalogue?: CatalogueNames;
  /**
   * An image of an acqstore collection (`x.ome.zarr/acq_images/acq_image_000`): the file it was
   * exported from, as the collection's manifest names it (`day-1/ls_02.tif`); absent otherwise.
   */
  exportedFrom?: string;
}

/** An exported table file, for the renderer to offer as a download. */
export interface TableFile {
  /** `<folder name>.csv`, `.tsv`, `.xlsx`, `<folder name>-omero.csv` or `<folder name>-README.md`. */
  fileName: string;
  mimeType: string;
  /** The file's bytes, base64-encoded. */
  base64: string;
  /** Images left out because their sidecar is invalid. */
  skipped: { path: string; message: string }[];
  /** Things to tell the user about the file (e.g. OMERO's `--allow_nan` for empty numbers). */
  notes: string[];
}
