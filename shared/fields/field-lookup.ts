/**
 * Finds an editable field by what a person writes for it: a table column's header or a
 * placeholder of a file-name pattern.
 */
import { EDITABLE_FIELDS, type FieldSpec } from './field-table';

/** The field named `name`: its sidecar key (`cell_type`), else its display name in any case (`Cell type`). */
export function fieldByKeyOrLabel(name: string): FieldSpec | undefined {
  const key = name.trim();
  return (
    EDITABLE_FIELDS.find((f) => f.name === key) ??
    EDITABLE_FIELDS.find((f) => f.displayName.toLowerCase() === key.toLowerCase())
  );
}
