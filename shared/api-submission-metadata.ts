/**
 * What the Completeness view shows of a submission target's metadata file: each column the
 * repository takes, with the value AcqMeta would write and where it came from, or why it is
 * still to fill (`checkSubmissionMetadata`).
 */

/** One column of the target's metadata file. */
export interface MetadataColumn {
  name: string;
  required: boolean;
  /** The value written (a HuBMAP dataset's one row); null for a per-image manifest or an empty cell. */
  value: string | null;
  /** Where the value came from (`image file`, `image header`, `sidecar calibration`, `template`, …); null when none was written. */
  from: string | null;
  /** Why the cell (or the first image's) is still to fill; absent when nothing is to fill. */
  todo?: string;
  /** A per-image manifest: how many images still lack the value. */
  missing?: number;
}

/** The metadata file of a submission target for the open folder, column by column. */
export interface SubmissionMetadataCheck {
  /** The target checked as named (`hubmap:confocal`); null when none was asked for and no profile names one. */
  target: string | null;
  /** The target in words: `HuBMAP confocal (directory schema v2.3, metadata schema id …)`; '' without one. */
  title: string;
  /** The profile file whose `x-target` named it; null when the request named it. */
  profile: string | null;
  /** The metadata format (`hubmap:confocal`); null when AcqMeta writes no metadata file for the target. */
  format: string | null;
  /** `dataset`: one row for the folder (HuBMAP); `image`: one row per image (HTAN). */
  rows: 'dataset' | 'image';
  /** The images the file is made of. */
  images: number;
  /** Every column, in the file's order. */
  columns: MetadataColumn[];
}
