/**
 * The app's submission export: the files of a repository's format (`hubmap:confocal`,
 * `htan:imaging-level-2`, …) drafted from the open folder, each with its to-do, as
 * `acqmeta export --format` writes them.
 */
import type { TodoItem } from './submission/submission-cells';

export type { TodoItem } from './submission/submission-cells';

/** One file of the submission, for the renderer to offer as a download. */
export interface SubmissionExportFile {
  /** Its name in the dataset, relative and `/`-separated (`confocal-metadata.tsv`, `raw/channel_layout.tsv`). */
  name: string;
  /** The file's text, exactly as the command line writes it. */
  text: string;
  /** Rows of its table, the header not counted. */
  rows: number;
  columns: number;
  /** Each cell still to fill, and why, in the table's order. */
  todo: TodoItem[];
}

/** A submission drafted from the open folder; nothing is written. */
export interface SubmissionExport {
  format: string;
  /** The metadata file first, then its companions. */
  files: SubmissionExportFile[];
  imageCount: number;
  /** Each image, sidecar or channel table that could not be read, in words (what it would give is left out). */
  unreadable: string[];
  /** Whether a required cell of any file is still empty. */
  requiredMissing: boolean;
}
