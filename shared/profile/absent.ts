/**
 * The "absent" rule of lab profiles: every sidecar carries every field, so before a profile
 * is applied a field whose value is `""` or `null` counts as absent. `required` then means
 * "filled in", and `if: {required: [...]}` means "when that field is filled in".
 */
import { EDITABLE_FIELDS } from '../fields/field-table';
import { FIELD_SECTIONS, fieldPath } from './field-paths';

type Plain = Record<string, unknown>;

const isAbsent = (value: unknown): boolean => value === '' || value === null;
const isObject = (value: unknown): value is Plain =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function withoutAbsentMembers(object: Plain): Plain {
  const out: Plain = {};
  for (const key of Object.keys(object)) {
    const value = object[key];
    if (!isAbsent(value)) out[key] = value;
  }
  return out;
}

/** A copy of a sidecar (plain values) without its absent fields; the input is not changed. */
export function withoutAbsent(sidecar: Plain): Plain {
  const out = withoutAbsentMembers(sidecar);
  for (const section of FIELD_SECTIONS) {
    const value = out[section];
    if (isObject(value)) out[section] = withoutAbsentMembers(value);
  }
  return out;
}

/**
 * The sidecar an image without one is checked as: the editable fields at their defaults
 * (empty text, no numbers, 1.0 `Pixels` calibration), as a new sidecar would hold them.
 */
export function defaultSidecar(): Plain {
  const sidecar: Plain = { version: 2, accepted: true, rois: [], analysis: [] };
  for (const spec of EDITABLE_FIELDS) setAt(sidecar, fieldPath(spec), spec.default);
  return sidecar;
}

/** Sets the value at a path of keys, making the objects on the way. */
export function setAt(root: Plain, path: readonly string[], value: unknown): void {
  let object = root;
  for (const key of path.slice(0, -1)) {
    const next = object[key];
    object = isObject(next) ? next : (object[key] = {});
  }
  object[path.at(-1) as string] = value;
}
