/**
 * Whole-sidecar validation with the generated schema validator, worded for people: field
 * problems read `<Display name>: <message>`, structure problems name where as a person counts, e.g. `ROI 1, data: ...`.
 */
import { EXPERIMENT_FIELDS, HEADER_FIELDS, type FieldSpec } from '../fields/field-table';
import { validateSidecar, type ValidatorError } from './generated/validators';
import { placeInWords, pointerSegments, valueAt } from './json-path';
import { describeValue, fieldMessage } from './messages';

const SECTIONS: Record<string, readonly FieldSpec[]> = {
  experiment_metadata: EXPERIMENT_FIELDS,
  image_header_metadata: HEADER_FIELDS,
};

const TYPE_WORDS: Record<string, string> = {
  object: 'an object',
  array: 'an array',
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'null',
};

/** Checks a parsed sidecar (plain values); returns every problem, empty when it is valid. */
export function validateSidecarObject(value: unknown): string[] {
  if (validateSidecar(value)) return [];
  const messages = (validateSidecar.errors ?? []).map((e) => messageFor(e, value));
  return [...new Set(messages.filter((m): m is string => m !== null))];
}

function messageFor(error: ValidatorError, root: unknown): string | null {
  if (error.keyword === 'if') return null;
  const path = pointerSegments(error.instancePath);
  const value = valueAt(root, path);
  const [section, key] = path;
  const spec = path.length === 2 ? SECTIONS[section ?? '']?.find((f) => f.name === key) : undefined;
  if (spec !== undefined) return fieldMessage(spec, value, error.keyword);
  if (path.length === 0) {
    if (error.keyword === 'required') return `required key "${String(error.params.missingProperty)}" is missing`;
    if (error.keyword === 'additionalProperties') {
      return `unknown top-level key "${String(error.params.additionalProperty)}": CloudScope warns about it and drops it on its next save`;
    }
    if (error.keyword === 'type') return `the top level must be an object (got ${describeValue(value)})`;
  }
  if (path.length === 1 && section === 'version') {
    return `version is ${describeValue(value)}; only version 2 is supported`;
  }
  return genericMessage(error, root, path, value);
}

function genericMessage(error: ValidatorError, root: unknown, path: string[], value: unknown): string {
  const where = placeInWords(root, path);
  const got = `(got ${describeValue(value)})`;
  const p = error.params;
  switch (error.keyword) {
    case 'required':
      return `${where}: required key "${String(p.missingProperty)}" is missing`;
    case 'additionalProperties':
      return `${where}: unexpected key "${String(p.additionalProperty)}"`;
    case 'type':
      return `${where}: must be ${String(p.type)
        .split(',')
        .map((t) => TYPE_WORDS[t] ?? t)
        .join(' or ')} ${got}`;
    case 'enum':
      return `${where}: must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')} ${got}`;
    case 'const':
      return `${where}: must be ${JSON.stringify(p.allowedValue)} ${got}`;
    default:
      return `${where}: ${error.message ?? 'is not valid'}`;
  }
}
