/**
 * Saves field changes into an image's sidecar: validate, read, edit or create, check, write.
 */
import type { FileCalibration, HeaderValues, SidecarVersion } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import type { FieldValues } from '../../../shared/fields/field-table';
import { createSidecar, editSidecar, type Sidecar } from '../../../shared/sidecar';
import { validateChanges } from '../../../shared/validation';
import { sameVersion } from './file-snapshot';
import { sidecarFromSnapshot } from './read-sidecar-file';
import { withSidecarLock } from './sidecar-lock';
import { sidecarNameFor } from './sidecar-path';
import type { WriteBatch } from './write-batch';
import { readForWrite, replaceSidecar } from './write-sidecar-file';

/** How to save: the version the caller read, and what to create a missing sidecar from. */
export interface SaveOptions {
  /**
   * The version the caller read; null when the sidecar was missing; `'latest'` to edit
   * whatever is on disk when the save runs (a read-modify-write in one go, as `acqmeta set`).
   */
  expected: SidecarVersion | null | 'latest';
  /** Save even if the file changed since `expected` (the changes go onto the current file). */
  overwrite?: boolean;
  /** The image's header; needed only to create a missing sidecar. */
  header?: HeaderValues | null;
  /** Calibration the image file declares, for a new sidecar. */
  fileCalibration?: FileCalibration | null;
  /** Check and compute everything, write nothing. */
  dryRun?: boolean;
  /** Many saves in flight: their folders are synced once, by `batch.finish()`. */
  batch?: WriteBatch;
  /** Fields whose keys are taken out of an existing file (undo of setting a field it lacked). */
  remove?: readonly string[];
}

/** What a save did: the resulting sidecar and values, and the version now on disk. */
export interface SaveResult {
  /** Whether the file's text changed (or would, with `dryRun`). */
  changed: boolean;
  /** The version on disk afterwards; null when there is still no file. */
  version: SidecarVersion | null;
  /** The version the save found on disk (and edited); null when there was no sidecar. */
  previous: SidecarVersion | null;
  /** The stored values before the save; null when there was no sidecar. */
  before: FieldValues | null;
  values: FieldValues;
  text: string;
  /** The sidecar as saved (or as it would be, with `dryRun`). */
  sidecar: Sidecar;
}

/**
 * Applies `changes` to the image's sidecar, creating it when missing.
 *
 * Fails with `INVALID_VALUE` (every problem listed) before touching anything, `INVALID_SIDECAR`
 * for a file CloudScope could not load (never overwritten), `CONFLICT` when the file is not
 * `expected` any more (unless `overwrite`), `IO` when the disk refuses. Writes only when the
 * text changes. The file is read, edited and replaced under its lock, so the read is the one
 * the write is checked against.
 */
export async function saveFieldChanges(imagePath: string, changes: FieldValues, options: SaveOptions): Promise<SaveResult> {
  const problems = validateChanges(changes);
  if (problems.length > 0) throw new ApiFailure('INVALID_VALUE', problems.join('; '), imagePath);
  return withSidecarLock(imagePath, async () => {
    const name = sidecarNameFor(imagePath);
    const onDisk = await readForWrite(imagePath);
    const file = sidecarFromSnapshot(onDisk.snapshot, name, { checkValues: false });
    if (file.state === 'invalid') {
      throw new ApiFailure('INVALID_SIDECAR', `${file.problems.join('; ')} (the file was left unchanged)`, imagePath);
    }
    const current = file.state === 'ok' ? file.version : null;
    const before = file.state === 'ok' ? file.sidecar.fieldValues() : null;
    let sidecar: Sidecar;
    if (file.state === 'ok') {
      sidecar = editSidecar(file.sidecar, changes, options.remove);
      if (sidecar === file.sidecar) return { changed: false, version: current, previous: current, before, values: before as FieldValues, text: sidecar.text, sidecar };
    } else {
      if (!options.header) {
        throw new ApiFailure('INVALID_VALUE', `${name} does not exist and the image header is unknown, so it cannot be created`, imagePath);
      }
      sidecar = createSidecar(options.header, options.fileCalibration ?? null, changes);
    }
    if (options.overwrite !== true && options.expected !== 'latest' && !sameVersion(current, options.expected)) {
      throw new ApiFailure('CONFLICT', `${name} changed on disk since it was read`, imagePath);
    }
    const result = { changed: true, previous: current, before, values: sidecar.fieldValues(), text: sidecar.text, sidecar };
    if (options.dryRun === true) return { ...result, version: current };
    return { ...result, version: await replaceSidecar(imagePath, onDisk, sidecar.text, options.batch) };
  });
}
