/**
 * Saves field changes into an image's sidecar: validate, read, edit or create, check, write.
 */
import type { FileCalibration, HeaderValues, SidecarVersion } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import type { FieldValues } from '../../../shared/fields/field-table';
import { applyChanges, createSidecarText, parseSidecar } from '../../../shared/sidecar';
import { validateChanges } from '../../../shared/validation';
import { sameVersion } from './file-snapshot';
import { readSidecarFile } from './read-sidecar-file';
import { sidecarNameFor } from './sidecar-path';
import { writeSidecarFile } from './write-sidecar-file';

/** How to save: the version the caller read, and what to create a missing sidecar from. */
export interface SaveOptions {
  /** The version the caller read; null when the sidecar was missing. */
  expected: SidecarVersion | null;
  /** Save even if the file changed since `expected` (the changes go onto the current file). */
  overwrite?: boolean;
  /** The image's header; needed only to create a missing sidecar. */
  header?: HeaderValues | null;
  /** Calibration the image file declares, for a new sidecar. */
  fileCalibration?: FileCalibration | null;
  /** Check and compute everything, write nothing. */
  dryRun?: boolean;
  /** Fields whose keys are taken out of an existing file (undo of setting a field it lacked). */
  remove?: readonly string[];
}

/** What a save did: the resulting text and values, and the version now on disk. */
export interface SaveResult {
  /** Whether the file's text changed (or would, with `dryRun`). */
  changed: boolean;
  /** The version on disk afterwards; null when there is still no file. */
  version: SidecarVersion | null;
  values: FieldValues;
  text: string;
}

/**
 * Applies `changes` to the image's sidecar, creating it when missing.
 *
 * Fails with `INVALID_VALUE` (every problem listed) before touching anything, `INVALID_SIDECAR`
 * for a file CloudScope could not load (never overwritten), `CONFLICT` when the file is not
 * `expected` any more (unless `overwrite`), `IO` when the disk refuses. Writes only when the
 * text changes.
 */
export async function saveFieldChanges(imagePath: string, changes: FieldValues, options: SaveOptions): Promise<SaveResult> {
  const problems = validateChanges(changes);
  if (problems.length > 0) throw new ApiFailure('INVALID_VALUE', problems.join('; '), imagePath);
  const file = await readSidecarFile(imagePath);
  if (file.state === 'invalid') {
    throw new ApiFailure('INVALID_SIDECAR', `${file.problems.join('; ')} (the file was left unchanged)`, imagePath);
  }
  const current = file.state === 'ok' ? file.version : null;
  let text: string;
  if (file.state === 'ok') {
    text = applyChanges(file.sidecar, changes, options.remove);
    if (text === file.sidecar.text) return { changed: false, version: current, values: file.sidecar.fieldValues(), text };
  } else {
    if (!options.header) {
      throw new ApiFailure('INVALID_VALUE', `${sidecarNameFor(imagePath)} does not exist and the image header is unknown, so it cannot be created`, imagePath);
    }
    text = createSidecarText(options.header, options.fileCalibration ?? null, changes);
  }
  if (options.overwrite !== true && !sameVersion(current, options.expected)) {
    throw new ApiFailure('CONFLICT', `${sidecarNameFor(imagePath)} changed on disk since it was read`, imagePath);
  }
  const values = valuesOf(text);
  if (options.dryRun === true) return { changed: true, version: current, values, text };
  // The text was computed from `current`: write it only if the file is still exactly that.
  const version = await writeSidecarFile(imagePath, text, current);
  return { changed: true, version, values, text };
}

function valuesOf(text: string): FieldValues {
  const parsed = parseSidecar(text);
  if (!parsed.ok) throw new Error(`internal: produced an unreadable sidecar: ${parsed.problems[0]?.message ?? ''}`);
  return parsed.sidecar.fieldValues();
}
