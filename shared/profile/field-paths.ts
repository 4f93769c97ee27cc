/**
 * Where each field of the field table lives in a sidecar, so profile rules (which are JSON
 * Schema over the whole sidecar) can be tied back to a field and its display name.
 */
import { ACCEPTED_FIELD, EXPERIMENT_FIELDS, HEADER_FIELDS, type FieldSpec } from '../fields/field-table';

/** Every field of the table, editable or read from the image. */
const ALL_FIELDS: readonly FieldSpec[] = [...EXPERIMENT_FIELDS, ...HEADER_FIELDS, ACCEPTED_FIELD];

/** The keys leading to a field's value in a sidecar, e.g. `['experiment_metadata', 'species']`, `['accepted']`. */
export function fieldPath(spec: FieldSpec): readonly string[] {
  switch (spec.section) {
    case 'top':
      return [spec.name];
    case 'experiment_metadata':
    case 'image_header_metadata':
      return [spec.section, spec.name];
  }
}

const BY_PATH = new Map(ALL_FIELDS.map((spec) => [fieldPath(spec).join('/'), spec]));

/** The field whose value is at `path` (sidecar keys), if any. */
export function fieldAtPath(path: readonly string[]): FieldSpec | undefined {
  return BY_PATH.get(path.join('/'));
}

/** The sidecar objects that hold fields (`experiment_metadata`, `image_header_metadata`). */
export const FIELD_SECTIONS: ReadonlySet<string> = new Set(
  ALL_FIELDS.map((spec) => fieldPath(spec))
    .filter((p) => p.length > 1)
    .map((p) => p[0] as string),
);
