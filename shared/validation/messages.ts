/**
 * Wording of validation messages: `<Display name>: <what is expected> (got <value>)`.
 */
import { EDITABLE_FIELDS, type FieldSpec } from '../fields/field-table';

const MAX_SHOWN = 40;

/** Shows a value the way a person typed or would read it: `"abc"`, `2.5`, `NaN`, `null`. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (value === undefined) return 'nothing';
  return Array.isArray(value) ? 'a list' : 'an object';
}

/** What a field's value must be, e.g. `must be a number in µm`. */
function expectation(spec: FieldSpec): string {
  switch (spec.type) {
    case 'str':
      return 'must be text';
    case 'int':
      return 'must be a whole number';
    case 'float':
      return spec.unit === undefined ? 'must be a number' : `must be a number in ${spec.unit}`;
    case 'bool':
      return 'must be true or false';
  }
}

/** A wrong-type message, `got` already formatted (e.g. `"abc"` or `2.5`). */
export function typeMessage(spec: FieldSpec, got: string): string {
  return `${spec.displayName}: ${expectation(spec)} (got ${got})`;
}

/** The message for a number typed with a comma that may not be a decimal one (`1,500`). */
export function commaMessage(spec: FieldSpec, got: string): string {
  return `${spec.displayName}: use a dot for decimals and no thousands separator (got ${got})`;
}

/**
 * The message for a stored value that failed its field's schema on `keyword`, e.g.
 * `Pixel size X: must be greater than 0`, `Pixel size X: must be at most 1,000,000 (got 1e+308)` or
 * `Branch order: must be a whole number (got 2.5)`.
 */
export function fieldMessage(spec: FieldSpec, value: unknown, keyword: string): string {
  if (keyword === 'exclusiveMinimum') return `${spec.displayName}: must be greater than ${spec.exclusiveMinimum ?? 0}`;
  if (keyword === 'maximum') {
    return `${spec.displayName}: must be at most ${(spec.maximum ?? 0).toLocaleString('en-US')} (got ${describeValue(value)})`;
  }
  return typeMessage(spec, describeValue(value));
}

/** The message for a field name that is not in the field table. */
export function unknownFieldMessage(name: string): string {
  return `Unknown field ${JSON.stringify(name)} (known: ${EDITABLE_FIELDS.map((f) => f.name).join(', ')})`;
}
