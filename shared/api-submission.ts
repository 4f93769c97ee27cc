/**
 * The folder-layout check's types: the open folder checked against a repository's directory
 * schema (`hubmap:confocal`, …), pattern by pattern, as `acqmeta validate --target` checks it.
 */

/** One pattern of the schema, and whether a path of the folder matches it. */
export interface LayoutPattern {
  /** The pattern, a regular expression over `/`-separated paths (`raw\/.*\.czi`). */
  pattern: string;
  /** What the schema says it is for. */
  description: string;
  required: boolean;
  met: boolean;
}

/** The open folder's layout checked against a target; `target` null lists the targets only. */
export interface FolderLayoutCheck {
  /** Every target, short names first (`hubmap:confocal`), then each version (`hubmap:confocal-v2.0`). */
  targets: string[];
  /** The target checked, as its full name (`hubmap:confocal-v2.3`); null when none was asked for. */
  target: string | null;
  /** How many paths were checked: the folder listing's (files, and folders holding no file) but AcqMeta's own. */
  paths: number;
  /** Every pattern of the schema, in its order. */
  checklist: LayoutPattern[];
  /** Paths no pattern allows (and no ignore glob covers), by code point. */
  notAllowed: string[];
  /** AcqMeta's own files (journal, lock, lab profile, channel table, catalogue), left out of an upload and not checked, by code point. */
  leftOut: string[];
}
