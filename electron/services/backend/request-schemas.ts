/**
 * One JSON Schema per API method for its request, compiled with ajv at start-up.
 *
 * The renderer is not trusted: every request is checked here before a handler sees it.
 * Field values are checked for shape only; their rules are the validation module's job.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import type { ApiMethodName } from '../../../shared/api';
import { EDITABLE_FIELDS } from '../../../shared/fields/field-table';

const MAX_PATH = 4096;

const relativePath = { type: 'string', minLength: 1, maxLength: MAX_PATH } as const;
const empty = { type: 'object', additionalProperties: false } as const;
const planeIndex = { type: 'integer', minimum: 0, maximum: 1_000_000 } as const;

const version = {
  type: 'object',
  additionalProperties: false,
  required: ['size', 'mtimeMs', 'sha256'],
  properties: {
    size: { type: 'integer', minimum: 0 },
    mtimeMs: { type: 'number' },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  },
} as const;

const saveRequest = {
  type: 'object',
  additionalProperties: false,
  required: ['path', 'changes', 'expected'],
  properties: {
    path: relativePath,
    changes: {
      type: 'object',
      propertyNames: { enum: EDITABLE_FIELDS.map((f) => f.name) },
      additionalProperties: { type: ['string', 'number', 'null'] },
    },
    expected: { anyOf: [{ type: 'null' }, version] },
    overwrite: { type: 'boolean' },
  },
} as const;

/** The request schema of every method. */
const REQUEST_SCHEMAS: Record<ApiMethodName, object> = {
  getSession: empty,
  openFolder: {
    type: 'object',
    additionalProperties: false,
    properties: { path: { type: 'string', minLength: 1, maxLength: MAX_PATH } },
  },
  scanFolder: empty,
  cancelScan: { ...empty, properties: { scanId: { type: 'string', minLength: 1, maxLength: 100 } } },
  getImageDetail: { ...empty, required: ['path'], properties: { path: relativePath } },
  reloadRow: { ...empty, required: ['path'], properties: { path: relativePath } },
  getPreview: {
    ...empty,
    required: ['path', 'c', 'z', 't', 'maxSize'],
    properties: {
      path: relativePath,
      c: planeIndex,
      z: planeIndex,
      t: planeIndex,
      maxSize: { type: 'integer', minimum: 16, maximum: 4096 },
    },
  },
  saveSidecars: {
    ...empty,
    required: ['saves'],
    properties: { saves: { type: 'array', maxItems: 100_000, items: saveRequest } },
  },
};

/** Compiles every request schema; a method's validator reports the first problem as text. */
export function compileRequestValidators(): Record<ApiMethodName, ValidateFunction> {
  const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true });
  const entries = Object.entries(REQUEST_SCHEMAS).map(([name, schema]) => [name, ajv.compile(schema)]);
  return Object.fromEntries(entries) as Record<ApiMethodName, ValidateFunction>;
}

/** One line describing why a request failed its schema. */
export function describeSchemaError(validate: ValidateFunction): string {
  const error = validate.errors?.[0];
  if (error === undefined) return 'the request is not valid';
  const where = error.instancePath === '' ? 'the request' : `request ${readablePath(error.instancePath)}`;
  if (error.propertyName !== undefined) return `${where} has an unexpected key "${error.propertyName}"`;
  const extra =
    error.keyword === 'additionalProperties'
      ? ` (${String((error.params as { additionalProperty?: string }).additionalProperty)})`
      : '';
  return `${where} ${error.message ?? 'is not valid'}${extra}`;
}

/** A JSON Pointer as a person reads a path: `/saves/0/changes` → `saves[0].changes`. */
function readablePath(pointer: string): string {
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((segment, i) => (/^\d+$/.test(segment) ? `[${segment}]` : i === 0 ? segment : `.${segment}`))
    .join('');
}
