/**
 * JSON Schema fragments for single fields, derived from the field table.
 */
import type { FieldSpec } from '../fields/field-table';

/** A JSON Schema (draft 2020-12) as plain data. */
export type JsonSchema = { [keyword: string]: unknown };

const TYPE_NAMES: Record<FieldSpec['type'], string> = {
  str: 'string',
  float: 'number',
  int: 'integer',
  bool: 'boolean',
};

/** The schema of one field's stored value: type, nullability, bounds and annotations. */
export function fieldSchema(spec: FieldSpec): JsonSchema {
  const type = TYPE_NAMES[spec.type];
  const description = spec.unit === undefined ? spec.description : `${spec.description} Unit: ${spec.unit}.`;
  return {
    title: spec.displayName,
    description,
    type: spec.nullable ? [type, 'null'] : type,
    ...(spec.exclusiveMinimum === undefined ? {} : { exclusiveMinimum: spec.exclusiveMinimum }),
    ...(spec.maximum === undefined ? {} : { maximum: spec.maximum }),
    default: spec.default,
    ...(spec.choices === undefined ? {} : { examples: [...spec.choices] }),
  };
}

/** An object schema for one sidecar section; unknown keys are allowed (they are kept). */
export function sectionSchema(fields: readonly FieldSpec[], description: string): JsonSchema {
  return {
    type: 'object',
    description,
    properties: Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f)])),
  };
}
