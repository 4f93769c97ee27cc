/**
 * Saves field changes into an image's sidecar: validate, read, edit or create, check, write.
 */
import type { FileCalibration, HeaderValues, SidecarVersion } from '../../../shared/api';
import { ApiFailure, withoutFileName } from '../../../shared/errors';
import { DEFAULT_FIELD_VALUES, type FieldValues } from '../../../shared/fields/field-table';
import { createSidecar, editSidecar, type Sidecar } from '../../../shared/sidecar';
import { validateChanges } from '../../../shared/validation';
import { sameVersion } from './file-snapshot';
import { retriedWhenFull } from './full-disk-retry';
import { keepDamaged } from './keep-damaged';
import { sidecarFromSnapshot, type SidecarFile } from './read-sidecar-file';
import { removeCreated } from './remove-created';
import { withSidecarLock } from './sidecar-lock';
import { sidecarNameFor } from './sidecar-path';
import type { WriteBatch } from './write-batch';
import type { JournalEntry } from './write-worker-protocol';
import {
  readForWrite,
  replaceSidecar,
  writeTargetOf,
  type SidecarOnDisk,
  type WriteTarget,
} from './write-sidecar-file';

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

/** A save decided: its result, and the write it needs (null: none). */
interface PlannedSave<T> {
  result: SaveResult<T>;
  write: { target: WriteTarget; bytes: Uint8Array; after: FieldValues } | null;
}

const utf8 = new TextEncoder();

/**
 * Applies `changes` to the image's sidecar, creating it when missing (when a change differs
 * from what a new sidecar holds, or with `create`).
 *
 * Fails with `INVALID_VALUE` (every problem listed) before touching anything, `INVALID_SIDECAR`
 * for a file CloudScope could not load (never overwritten), `CONFLICT` when the file is not
 * `expected` any more (unless `overwrite`), `IO` when the disk refuses (one that finds the disk
 * full is tried again once the saves in flight have ended: `full-disk-retry.ts`). Writes only when the
 * text changes. The file is read, edited and replaced under its lock, so the read is the one
 * the write is checked against.
 */
export async function saveFieldChanges<T = undefined>(
  imagePath: string,
  changes: FieldValues,
  options: SaveOptions,
  take?: TakeFromSaved<T>,
): Promise<SaveResult<T>> {
  const problems = validateChanges(changes);
  if (problems.length > 0) throw new ApiFailure('INVALID_VALUE', problems.join('; '), imagePath);
  return withSidecarLock(imagePath, options.dryRun !== true, () =>
    retriedWhenFull(async () => {
      const onDisk = await readForWrite(imagePath);
      const file = sidecarFromSnapshot(onDisk.snapshot, sidecarNameFor(imagePath), { checkValues: false });
      if (options.removeFile === true) return removeCreated<T>(imagePath, onDisk, file, options);
      const rebuild = file.state === 'invalid' && options.replaceDamaged !== undefined;
      const create = file.state === 'missing' || rebuild;
      const source = create && options.newSidecar ? await options.newSidecar() : null;
      const { result, write } = planSave(imagePath, onDisk, file, source, changes, options, take);
      if (write === null) return result;
      const journal =
        (await options.journal?.({
          imagePath,
          before: result.before,
          after: write.after,
          absentBefore: file.state === 'ok' ? file.sidecar.absentFields() : [],
          previous: result.version,
        })) ?? undefined;
      const damagedKeptAs =
        rebuild && onDisk.snapshot !== null ? await keepDamaged(imagePath, onDisk.snapshot, options.batch) : null;
      const version = await replaceSidecar(imagePath, write.target, write.bytes, options.batch, journal);
      return { ...result, version, damagedKeptAs };
    }),
  );
}

/** Everything a save decides from what is on disk, before its write; of the read, only what the write needs is kept. */
function planSave<T>(
  imagePath: string,
  onDisk: SidecarOnDisk,
  file: SidecarFile,
  source: NewSidecarSource | null,
  changes: FieldValues,
  options: SaveOptions,
  take?: TakeFromSaved<T>,
): PlannedSave<T> {
  const name = sidecarNameFor(imagePath);
  const damaged = file.state === 'invalid' ? (options.replaceDamaged ?? null) : null;
  if (file.state === 'invalid' && damaged === null) {
    const problems = file.problems.map((problem) => withoutFileName(problem, name));
    throw new ApiFailure('INVALID_SIDECAR', problems.join('; '), imagePath);
  }
  const refusal = options.refuse?.(file.state === 'ok' ? file.sidecar : null) ?? null;
  if (refusal !== null) throw refusal;
  const current = file.state === 'missing' ? null : file.version;
  const before = file.state === 'ok' ? file.sidecar.fieldValues() : damaged;
  let sidecar: Sidecar;
  let changed: boolean;
  if (file.state === 'ok') {
    sidecar = editSidecar(file.sidecar, changes, options.remove);
    // a file read with a byte order mark is written without one: with `create`, even unedited
    changed = sidecar !== file.sidecar || (options.create === true && file.sidecar.byteOrderMark);
  } else {
    if (source === null) {
      throw new ApiFailure(
        'INVALID_VALUE',
        `${name} does not exist and the image header is unknown, so it cannot be created`,
        imagePath,
      );
    }
    sidecar = createSidecar(source.header, source.fileCalibration, { ...damaged, ...changes });
    // Values that a new sidecar holds anyway are no reason to create one (a damaged one is replaced).
    changed =
      damaged !== null ||
      options.create === true ||
      sidecar.text !== createSidecar(source.header, source.fileCalibration, {}).text;
  }
  if (
    changed &&
    damaged === null &&
    options.overwrite !== true &&
    options.expected !== 'latest' &&
    !sameVersion(current, options.expected)
  ) {
    throw new ApiFailure('CONFLICT', `${name} changed on disk since it was read`, imagePath);
  }
  const result = { changed, version: current, before, taken: take?.(sidecar, current) as T, damagedKeptAs: null };
  if (!changed || options.dryRun === true) return { result, write: null };
  const after = options.journal === undefined ? {} : valuesAfter(file, sidecar, changes, options.remove);
  return { result, write: { target: writeTargetOf(onDisk), bytes: utf8.encode(sidecar.text), after } };
}

/**
 * The field values of the sidecar a save writes: an edit's are the values it found with the
 * changes on top and the removed keys at their defaults (no walk of the new tree); a new
 * sidecar's are read from it.
 */
function valuesAfter(file: SidecarFile, saved: Sidecar, changes: FieldValues, remove?: readonly string[]): FieldValues {
  if (file.state !== 'ok') return saved.fieldValues();
  const values = { ...file.sidecar.fieldValues() };
  for (const name of remove ?? []) values[name] = DEFAULT_FIELD_VALUES[name] ?? null;
  return Object.assign(values, changes);
}
