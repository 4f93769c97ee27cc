/**
 * The typed model of writing a calibration into a TIFF's own header: what is asked for, what
 * each header value says now and will say, and the bytes the write appends and re-points.
 */

/** The length units a header write takes (the sidecar's `physical_label_x`, one spelling each). */
export type LengthUnit = 'um' | 'nm' | 'mm';

/** What to write into one image's header. */
export interface HeaderCalibration {
  /** The size of one pixel along X and Y, in `unit`. */
  pixelX: number;
  pixelY: number;
  unit: LengthUnit;
  /** The distance between Z planes, in `unit`; absent: left as it is. */
  zStep?: number;
  /** The time between frames, in seconds; absent: left as it is. */
  interval?: number;
  /** One name per channel; absent: left as they are. */
  channels?: readonly string[];
}

/** How a TIFF keeps its calibration, which decides where each value is written. */
export type HeaderKind = 'imagej' | 'ome' | 'plain';

/** Where in a header a value lies. */
export type HeaderPlace = 'ImageJ description' | 'ImageJ labels' | 'OME-XML' | 'resolution tags';

/** One header value: what it says now and what the write makes it say (equal: unchanged). */
export interface HeaderValueChange {
  /** `pixel size X`, `unit`, `z step`, `interval`, `channel names`, `resolution unit`. */
  value: string;
  place: HeaderPlace;
  /** The value as the header has it now (`(none)` when absent). */
  old: string;
  new: string;
}

/** A byte range of the file that the write replaces: its offset, its bytes before and after. */
export interface ReplacedRange {
  offset: number;
  old: Uint8Array;
  new: Uint8Array;
}

/**
 * The whole write, planned before a byte is written: `appended` goes at `appendAt` (at or past
 * the old end, so it touches no byte the file held), then the small `replaced` ranges (the
 * header's link to the first IFD) point readers at it. Undone by writing each range's `old`
 * back and cutting the file to `oldSize`.
 */
export interface HeaderPatch {
  oldSize: number;
  appendAt: number;
  appended: Uint8Array;
  replaced: ReplacedRange[];
}

/** One image's plan: the values and the patch, or why it is refused (nothing written). */
export type HeaderPlan =
  | {
      kind: HeaderKind;
      changes: HeaderValueChange[];
      patch: HeaderPatch | null;
      /** Where every strip and tile lies, as a fingerprint: a write that kept them all leaves it equal. */
      pixels: string;
    }
  | { refusal: string };

/** What a calibration asks of a set of images: the command's options, the app's dialog. */
export interface CalibrationRequest {
  /** The pixel size written into each sidecar first, through the one save path; absent: each sidecar's own. */
  pixelSize?: { x: number; y: number };
  /** The unit written into each sidecar first (its labels); absent: the sidecar's own. */
  unit?: LengthUnit;
  zStep?: number;
  interval?: number;
  channels?: readonly string[];
}

/** One image of the review: what its header says now and will say, or why it is refused. */
export interface ImageReview {
  /** The image as the caller names it (relative to the folder given). */
  path: string;
  kind: HeaderKind | null;
  changes: HeaderValueChange[];
  /** Why nothing is written into it, in words; null when it is written (or already holds the values). */
  refusal: string | null;
}

/** What became of one image: written, already holding the values, or not written and why. */
export type CalibrationOutcome =
  { kind: 'written' | 'unchanged' } | { kind: 'refused' | 'conflict' | 'io' | 'cancelled'; reason: string };
