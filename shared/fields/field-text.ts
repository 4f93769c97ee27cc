/**
 * Stored field values as text for tables: numbers as the sidecar writes them.
 */
import { pythonFloatRepr } from '../sidecar/python-repr';
import type { FieldSpec, FieldValue } from './field-table';

/** A stored number as the sidecar writes it: floats in Python repr (`75.0`), ints plain. */
export function numberText(value: number, spec: FieldSpec | undefined): string {
  return spec?.type === 'float' ? pythonFloatRepr(value) : String(value);
}

/** A stored value as a table cell: text as it is, numbers as on disk, no value as empty. */
export function fieldCellText(value: FieldValue | boolean | undefined, spec: FieldSpec): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return typeof value === 'string' ? value : numberText(value, spec);
}
