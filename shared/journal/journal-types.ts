/**
 * The shape of a change-journal record: the sidecar's versions and each field's change. The
 * records of other kinds (channel tables, instrument files, image headers) are built on it.
 */
import type { FieldValue } from '../fields/field-table';

/** A sidecar's version as the journal keeps it: `mtime` in milliseconds since 1970. */
export interface JournalVersion {
  size: number;
  mtime: number;
  sha256: string;
}

/** One field's value before and after a write (sidecar keys; null: absent or empty). */
export interface JournalChange {
  field: string;
  old: FieldValue;
  new: FieldValue;
  /** The file lacked the key before the write (a restore takes it out again). */
  added?: true;
}

/** One sidecar write, as the journal records it. */
export interface JournalRecord {
  id: string;
  /** Shared by the records of one action (a save, a bulk set, an import). */
  batch: string;
  /** ISO 8601, UTC. */
  time: string;
  user: string;
  host: string;
  /** The program and its door: `acqmeta set`, `AcqMeta app`. */
  tool: string;
  /** What the person did: `set --from-name …`, `Import annotations.xlsx`, `Preset “Thy1 cohort 3”`. */
  action: string;
  /** The image, relative to the folder that holds the journal, `/`-separated. */
  path: string;
  changes: JournalChange[];
  /** The sidecar before the write (null: there was none) and after it. */
  before: JournalVersion | null;
  after: JournalVersion | null;
  /** A change by another program that left the sidecar unreadable: why, in words (`not valid JSON: …`). */
  damaged?: string;
  /** A change by another program that deleted the sidecar (its `after` is null). */
  deleted?: true;
}
