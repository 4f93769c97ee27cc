/**
 * Visits every subschema of a JSON Schema (draft 2020-12) with its JSON Pointer, so checks
 * that ajv does not make (patterns that must run in linear time, the `x-` annotations) see
 * exactly the places where a schema can be, and not, say, a value inside an `enum`.
 */

type Schema = Record<string, unknown>;

/** Keywords whose value is one subschema. */
const ONE = [
  'not',
  'if',
  'then',
  'else',
  'items',
  'contains',
  'additionalProperties',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
];
/** Keywords whose value is a list of subschemas. */
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
/** Keywords whose value maps names to subschemas. */
const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

const escape = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

function isSchemaObject(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Calls `visit` for the schema and each subschema object, depth first, with its pointer. */
export function walkSchema(schema: unknown, visit: (node: Schema, pointer: string) => void, pointer = ''): void {
  if (!isSchemaObject(schema)) return;
  visit(schema, pointer);
  for (const keyword of ONE) walkSchema(schema[keyword], visit, `${pointer}/${keyword}`);
  for (const keyword of LIST) {
    const list = schema[keyword];
    if (Array.isArray(list)) list.forEach((item, i) => walkSchema(item, visit, `${pointer}/${keyword}/${i}`));
  }
  for (const keyword of MAP) {
    const map = schema[keyword];
    if (!isSchemaObject(map)) continue;
    for (const [name, sub] of Object.entries(map)) walkSchema(sub, visit, `${pointer}/${keyword}/${escape(name)}`);
  }
}

/** The subschema at a path of `properties` names (`['experiment_metadata', 'species']`), if any. */
export function propertySchema(schema: unknown, path: readonly string[]): Schema | undefined {
  let node: unknown = schema;
  for (const name of path) {
    const properties = isSchemaObject(node) ? node.properties : undefined;
    node = isSchemaObject(properties) ? properties[name] : undefined;
  }
  return isSchemaObject(node) ? node : undefined;
}
