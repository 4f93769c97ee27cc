/**
 * What `acqmeta set`, `acqmeta import` and the app's saves ask before writing: do the new
 * values break the profile in force (a closed vocabulary, a pattern, a format, a range)?
 * "Required" is never asked here: a partial annotation may always be saved.
 */
import type { ProfileProblem } from '../../../shared/api';
import { editableField, type FieldValue, type FieldValues } from '../../../shared/fields/field-table';
import { blocksSaving, checkValues, fieldPath } from '../../../shared/profile';
import { valueAt } from '../../../shared/validation';
import { readSidecarFile } from '../sidecar';
import { sidecarValues } from './image-profile';
import { createProfileCache } from './profile-cache';
import { createProfileFinder, type FinderOptions, type ProfileFinder } from './profile-finder';

function isStored(stored: Record<string, unknown>, name: string, value: FieldValue): boolean {
  const spec = editableField(name);
  return spec !== undefined && valueAt(stored, fieldPath(spec)) === value;
}

/** Resolves to the problems that refuse writing `changes` to an image; empty when it may be written. */
export type ProfileChecker = (absImagePath: string, changes: FieldValues) => Promise<ProfileProblem[]>;

/**
 * The problems that refuse writing `changes` to an image: its changes, set over its stored
 * sidecar (its defaults when it has none), against the profile `finder` finds in force. An
 * invalid sidecar is left to the writer, which refuses it anyway; without a profile nothing
 * is read.
 */
export async function profileRefusals(
  finder: ProfileFinder,
  absImagePath: string,
  changes: FieldValues,
): Promise<ProfileProblem[]> {
  const compiled = (await finder.forImage(absImagePath))?.profile.compiled ?? null;
  if (compiled === null) return [];
  const stored = sidecarValues(await readSidecarFile(absImagePath));
  if (stored === null) return [];
  // A value that is already stored is not written, so it is not refused either.
  const changed = new Set(Object.keys(changes).filter((name) => !isStored(stored, name, changes[name] ?? null)));
  return checkValues(stored, changes, compiled).filter(
    (problem) => problem.rule !== 'field-table' && blocksSaving(problem, changed),
  );
}

/** A checker for the images under `options.root` (see {@link profileRefusals}). */
export function createProfileChecker(options: FinderOptions): ProfileChecker {
  const finder = createProfileFinder(createProfileCache(), options);
  return (absImagePath, changes) => profileRefusals(finder, absImagePath, changes);
}
