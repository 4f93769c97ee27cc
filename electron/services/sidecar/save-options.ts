/**
 * What a sidecar save is asked (its options, the journal hook, a new sidecar's source) and what
 * it answers: the types `saveFieldChanges` and `removeCreated` share.
 */
import type { FileCalibration, HeaderValues, SidecarVersion } from '../../../shared/api';
import type { ApiFailure } from '../../../shared/errors';
import type { FieldValues } from '../../../shared/fields/field-table';
import type { Sidecar } from '../../../shared/sidecar';
import type { HeldSidecarLock } from './sidecar-lock';
import type { WriteBatch } from './write-batch';
import type { JournalEntry } from './write-worker-protocol';

/** How to save: the version the caller read, and what to create a missing sidecar from. */
export interface SaveOptions {
  /**
   * The version the caller read; null when the sidecar was missing; `'latest'` to edit
   * whatever is on disk when the save runs (a read-modify-write in one go, as `acqmeta set`).
   */
  expected: SidecarVersion | null | 'latest';
  /** Save even if the file changed since `expected` (the changes go onto the current file). */
  overwrite?: boolean;
  /**
   * What a missing (or replaced damaged) sidecar is created from, asked for only then; without
   * it a missing sidecar is not created. It rejects (an `ApiFailure`) when there is no header.
   */
  newSidecar?: () => Promise<NewSidecarSource>;
  /**
   * Asked under the lock, with the sidecar as read (null: none): the failure that refuses this
   * save (a lab profile's refusal), or null to go on.
   */
  refuse?: (current: Sidecar | null) => ApiFailure | null;
  /** Check and compute everything, write nothing. */
  dryRun?: boolean;
  /**
   * The image's lock, held by the caller (given to its task by `withSidecarLock`): the save runs
   * under it rather than taking it again, so that one lock covers the save and the caller's
   * other writes to the image (calibrate's header write).
   */
  heldLock?: HeldSidecarLock;
  /** Many saves in flight: their folders are synced once, by `batch.finish()`. */
  batch?: WriteBatch;
  /** Fields whose keys are taken out of an existing file (undo of setting a field it lacked). */
  remove?: readonly string[];
  /**
   * The field values of the version the caller read, to replace a damaged (invalid) sidecar
   * with: a new one from `newSidecar` with these values and `changes`, the damaged file kept
   * beside it (see `keepDamaged`). Without it an invalid sidecar is never written.
   */
  replaceDamaged?: FieldValues;
  /** Write even when no change differs: a missing sidecar is created, one read with a byte order mark is written without it. */
  create?: boolean;
  /** The journal record of the write, asked for only when the save writes (null: none). */
  journal?: JournalHook;
  /**
   * Remove the sidecar instead (undoing its creation; `changes` empty): only if it is the
   * `expected` version (see `removeCreated`).
   */
  removeFile?: boolean;
}

/** What a write changes, for its journal record. */
export interface JournalWrite {
  imagePath: string;
  /** The stored values before (a damaged file's: `replaceDamaged`; null: there was no sidecar) and after. */
  before: FieldValues | null;
  after: FieldValues;
  /** The fields whose key the sidecar lacked before the write. */
  absentBefore: readonly string[];
  /** The version replaced (null: there was no file). */
  previous: SidecarVersion | null;
}

/** Makes a write's journal record (null: that folder is not journaled). */
export type JournalHook = (write: JournalWrite) => Promise<JournalEntry | null>;

/** The image's header and the calibration its file declares: what a new sidecar holds. */
export interface NewSidecarSource {
  header: HeaderValues;
  fileCalibration: FileCalibration | null;
}

/** What a save did: the values before it, the version now on disk, and what `take` took. */
export interface SaveResult<T = undefined> {
  /** Whether the file's text changed, or the file was removed (or would be, with `dryRun`). */
  changed: boolean;
  /** The version on disk afterwards; null when there is still no file. */
  version: SidecarVersion | null;
  /** The stored values before the save (a damaged file's: `replaceDamaged`); null when there was no sidecar. */
  before: FieldValues | null;
  /** What `take` made of the sidecar as saved (or as it would be, with `dryRun`). */
  taken: T;
  /** Where a damaged sidecar that was replaced is kept (its file name); null when none was. */
  damagedKeptAs: string | null;
}

/**
 * Takes from the sidecar as saved what a caller needs of it afterwards (a row, its problems).
 * It runs before the write, so that the sidecar's text and tree are not kept while the disk
 * syncs: with many files in flight, that kept them past the young generation of the heap.
 * `previous`: the version the save edited (null: a new sidecar).
 */
export type TakeFromSaved<T> = (saved: Sidecar, previous: SidecarVersion | null) => T;
