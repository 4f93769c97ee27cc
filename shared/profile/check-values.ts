/**
 * The one validation path for values a person enters: the field table's format checks, then
 * the lab profile in force on the sidecar those values would give. The command line (`set`,
 * `import`) and the app (`checkValues`) both call {@link checkValues}.
 */
import type { ProfileProblem } from '../api';
import { editableField, type FieldValues } from '../fields/field-table';
import { validateFieldValue } from '../validation';
import { setAt } from './absent';
import { applyProfile } from './apply-profile';
import { fieldPath, FIELD_SECTIONS } from './field-paths';
import type { CompiledProfile } from './load-profile';

type Plain = Record<string, unknown>;

/** `stored` with `values` set over it; `stored` is not changed. */
function withValues(stored: Plain, values: FieldValues): Plain {
  const sidecar: Plain = { ...stored };
  for (const section of FIELD_SECTIONS) {
    const object = sidecar[section];
    if (object !== null && typeof object === 'object' && !Array.isArray(object)) sidecar[section] = { ...object };
  }
  for (const [name, value] of Object.entries(values)) {
    const spec = editableField(name);
    if (spec !== undefined) setAt(sidecar, fieldPath(spec), value);
  }
  return sidecar;
}

/**
 * Every problem of `values` (by field name) set over a stored sidecar (plain values): format
 * problems first (rule `field-table`), then the profile's problems for the whole sidecar
 * (null profile: none), `required` included.
 */
export function checkValues(stored: Plain, values: FieldValues, profile: CompiledProfile | null): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  for (const [name, value] of Object.entries(values)) {
    const message = validateFieldValue(name, value);
    if (message !== null)
      problems.push({ field: editableField(name) === undefined ? null : name, rule: 'field-table', message });
  }
  return profile === null ? problems : [...problems, ...applyProfile(profile, withValues(stored, values))];
}
