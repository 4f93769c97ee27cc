/**
 * Saves field changes into an image's sidecar: validate, read, edit or create, check, write.
 */
import { ApiFailure, withoutFileName } from '../../../shared/errors';
import { DEFAULT_FIELD_VALUES, type FieldValues } from '../../../shared/fields/field-table';
import { createSidecar, editSidecar, type Sidecar } from '../../../shared/sidecar';
import { validateChanges } from '../../../shared/validation';
import { sameVersion } from './file-snapshot';
import { retriedWhenFull } from './full-disk-retry';
import { keepDamaged } from './keep-damaged';
import { sidecarFromSnapshot, type SidecarFile } from './read-sidecar-file';
import { removeCreated } from './remove-created';
import { underHeldLock, withSidecarLock } from './sidecar-lock';
import { sidecarNameFor } from './sidecar-path';
import type { NewSidecarSource, SaveOptions, SaveResult, TakeFromSaved } from './save-options';
import {
  readForWrite,
  replaceSidecar,
  writeTargetOf,
  type SidecarOnDisk,
  type WriteTarget,
} from './write-sidecar-file';

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
 * text changes. The file is read, edited and replaced under its lock (taken here, or the one the
 * caller holds: `heldLock`), so the read is the one the write is checked against.
 */
export async function saveFieldChanges<T = undefined>(
  imagePath: string,
  changes: FieldValues,
  options: SaveOptions,
  take?: TakeFromSaved<T>,
): Promise<SaveResult<T>> {
  const problems = validateChanges(changes);
  if (problems.length > 0) throw new ApiFailure('INVALID_VALUE', problems.join('; '), imagePath);
  const locked = <R>(task: () => Promise<R>): Promise<R> =>
    options.heldLock === undefined
      ? withSidecarLock(imagePath, options.dryRun !== true, task)
      : underHeldLock(imagePath, options.heldLock, task);
  return locked(() =>
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
