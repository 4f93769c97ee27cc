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
import type { LoadedProfile } from './profile-cache';
import type { ProfileFinder } from './profile-finder';

function isStored(stored: Record<string, unknown>, name: string, value: FieldValue): boolean {
  const spec = editableField(name);
  return spec !== undefined && valueAt(stored, fieldPath(spec)) === value;
}

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
  const loaded = await finder.forImage(absImagePath);
  if (loaded === null || loaded.profile.compiled === null) return [];
  const stored = sidecarValues(await readSidecarFile(absImagePath));
  return stored === null ? [] : refusalsOf(loaded, stored, changes);
}

/**
 * The problems that refuse writing `changes` over `stored` (a sidecar's plain values, see
 * `sidecarValues`) under the profile `loaded` (none without one).
 */
export function refusalsOf(
  loaded: LoadedProfile | null,
  stored: Record<string, unknown>,
  changes: FieldValues,
): ProfileProblem[] {
  const compiled = loaded?.profile.compiled ?? null;
  if (compiled === null) return [];
  // A value that is already stored is not written, so it is not refused either.
  const changed = new Set(Object.keys(changes).filter((name) => !isStored(stored, name, changes[name] ?? null)));
  return checkValues(stored, changes, compiled).filter(
    (problem) => problem.rule !== 'field-table' && blocksSaving(problem, changed),
  );
}
