/**
 * What CloudScope measured, as the API carries it: ROIs, analysis records and their summary
 * values. Everything here is plain JSON: numbers keep the text the sidecar has (`1.0`, `NaN`,
 * `-Infinity`), because NaN and Infinity cannot cross JSON as numbers.
 */

/** A value read from a sidecar, safe to send as JSON. */
export type StoredValue =
  /** A number exactly as written: `57`, `1.74263643202636`, `1e-05`, `NaN`, `-Infinity`. */
  | { kind: 'number'; text: string }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  /** An object or an array, as Python's `json.dumps` writes it on one line. */
  | { kind: 'json'; text: string };

/** One `key: value` of a summary or of detection parameters, in the file's order. */
export interface NamedValue {
  key: string;
  value: StoredValue;
}

/** Bounds of a `rectroi` in pixels; stops are exclusive. */
export interface RectBounds {
  kind: 'rect';
  rowStart: number;
  rowStop: number;
  colStart: number;
  colStop: number;
}

/** End points of a `linesegmentroi` in pixels. */
export interface LineBounds {
  kind: 'line';
  row0: number;
  col0: number;
  row1: number;
  col1: number;
}

/** One ROI of a sidecar's `rois` list. */
export interface RoiEntry {
  /** Position in the `rois` list (ids are not guaranteed unique). */
  index: number;
  /** `roi_id`; null when it is not a number. */
  id: number | null;
  /** `roi_type` as written (`rectroi`, `linesegmentroi`, or a type the editor does not know). */
  type: string;
  name: string;
  note: string;
  /** Null for unknown types and for data that does not have the type's keys as numbers. */
  bounds: RectBounds | LineBounds | null;
  /** The whole ROI object as the sidecar has it (Python JSON, indented), for the raw view. */
  raw: string;
}

/** One record of a sidecar's `analysis` list. */
export interface AnalysisEntry {
  /** Position in the `analysis` list (order matters to CloudScope). */
  index: number;
  /** `analysis_name`, e.g. `radon_velocity`; empty when missing. */
  name: string;
  /** `roi_id`; null when missing or not a number. */
  roiId: number | null;
  channel: number | null;
  /** `summary` values in the file's order. */
  summary: NamedValue[];
  /** `detection_params` in the file's order. */
  params: NamedValue[];
}

/** A summary number on a table row: finite numbers as numbers, the others spelled out. */
export type ResultNumber = number | 'NaN' | 'Infinity' | '-Infinity';

/**
 * The numeric summary values of one image, by result key (see `resultKey`): compact, for the
 * table's result columns of folders of 100,000 images.
 */
export type ResultValues = Readonly<Record<string, ResultNumber>>;
