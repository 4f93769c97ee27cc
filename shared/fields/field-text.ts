/**
 * Stored field values as text for tables: numbers as the sidecar writes them.
 */
import { pythonFloatRepr } from '../sidecar/python-repr';
import type { FieldSpec, FieldValue } from './field-table';

/** A stored number as the sidecar writes it: floats in Python repr (`75.0`), ints plain. */
function numberText(value: number, spec: FieldSpec | undefined): string {
  return spec?.type === 'float' ? pythonFloatRepr(value) : String(value);
}

/** A value as a table cell: text as it is, numbers as on disk, `true`/`false`, null as empty. */
export function cellText(value: FieldValue | undefined, spec: FieldSpec | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value, spec);
  return String(value);
}
