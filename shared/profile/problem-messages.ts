/**
 * ajv's errors against a profile, in plain words: the field by its display name, the value,
 * the rule, e.g. `Species "Mouse" is not one of mouse, rat (did you mean "mouse"?)`. A
 * profile's `errorMessage` replaces the generic wording of the rule.
 */
import type { ErrorObject } from 'ajv/dist/2020';
import type { ProfileFieldRules, ProfileProblem } from '../api';
import { describeValue } from '../validation/messages';
import { placeInWords, pointerSegments, valueAt } from '../validation/json-path';
import { fieldAtPath } from './field-paths';
import { formatExample } from './field-rules';
import { suggestValue } from './suggest';

type Schema = Record<string, unknown>;

const FORMAT_WORDS: Record<string, string> = {
  date: 'a date',
  'date-time': 'a date and time',
  time: 'a time',
  email: 'an email address',
  uri: 'a URL',
  'uri-reference': 'a URL',
  uuid: 'a UUID',
};

/** An enum value as a list shows it: text bare (`mouse`), others as JSON. */
const listed = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** The schema an ajv schemaPath (`#/properties/a/not`) points at, when it lies in the profile itself. */
function schemaAt(schema: Schema, schemaPath: string): unknown {
  if (!schemaPath.startsWith('#')) return undefined;
  return valueAt(schema, pointerSegments(decodeURIComponent(schemaPath.slice(1))));
}

/** ` (when Treatment is filled in)` for a `then: {required}` whose `if` only asks for fields. */
function requiredWhen(schema: Schema, schemaPath: string, instancePath: string[]): string {
  const match = /^(.*)\/then\/required$/.exec(schemaPath);
  const condition = match === null ? undefined : schemaAt(schema, `${match[1]}/if`);
  const required = (condition as Schema | undefined)?.required;
  if (!Array.isArray(required) || Object.keys(condition as Schema).length !== 1) return '';
  const names = required.map((name: string) => fieldAtPath([...instancePath, name])?.displayName ?? name);
  return ` when ${names.join(' and ')} ${names.length === 1 ? 'is' : 'are'} filled in`;
}

function notWording(schema: Schema, schemaPath: string): string {
  const refused = schemaAt(schema, schemaPath) as Schema | undefined;
  if (refused !== undefined && 'const' in refused) return `must not be ${describeValue(refused.const)}`;
  if (Array.isArray(refused?.enum)) return `must not be one of ${refused.enum.map(listed).join(', ')}`;
  return 'is not allowed here';
}

/** What is wrong with the value, after its name and value (`is not one of mouse, rat`). */
function ruleWording(error: ErrorObject, schema: Schema): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return `is not one of ${(p.allowedValues as unknown[]).map(listed).join(', ')}`;
    case 'const':
      return `must be ${describeValue(p.allowedValue)}`;
    case 'not':
      return notWording(schema, error.schemaPath);
    case 'pattern':
      return `does not match the pattern ${String(p.pattern)}`;
    case 'format': {
      const format = String(p.format);
      const example = formatExample(format);
      return `is not ${FORMAT_WORDS[format] ?? `in the format "${format}"`}${example === undefined ? '' : ` (${example})`}`;
    }
    case 'minimum':
      return `is less than ${String(p.limit)}`;
    case 'maximum':
      return `is more than ${String(p.limit)}`;
    case 'exclusiveMinimum':
      return `must be more than ${String(p.limit)}`;
    case 'exclusiveMaximum':
      return `must be less than ${String(p.limit)}`;
    case 'minLength':
      return `is shorter than ${String(p.limit)} characters`;
    case 'maxLength':
      return `is longer than ${String(p.limit)} characters`;
    case 'minItems':
      return `has fewer than ${String(p.limit)} items`;
    case 'maxItems':
      return `has more than ${String(p.limit)} items`;
    case 'multipleOf':
      return `is not a multiple of ${String(p.multipleOf)}`;
    case 'anyOf':
    case 'oneOf':
      return 'matches none of the forms the profile allows';
    default:
      return error.message ?? 'is not valid';
  }
}

/**
 * The problem an ajv error stands for, or null for errors that only restate others (`if`).
 * `data` is the sidecar as validated; `rules` give synonyms and candidates for suggestions.
 */
export function problemFor(
  error: ErrorObject,
  data: unknown,
  schema: Schema,
  rules: readonly ProfileFieldRules[],
): ProfileProblem | null {
  const custom = error.keyword === 'errorMessage' ? error.message : undefined;
  const original =
    error.keyword === 'errorMessage' ? ((error.params as { errors?: ErrorObject[] }).errors?.[0] ?? error) : error;
  if (original.keyword === 'if') return null;
  const base = pointerSegments(original.instancePath);
  const missing = (original.params as { missingProperty?: string }).missingProperty;
  const path = original.keyword === 'required' && missing !== undefined ? [...base, missing] : base;
  const spec = fieldAtPath(path);
  const name = spec?.displayName ?? placeInWords(data, path);
  const field = spec?.editable === true ? spec.name : null;
  if (original.keyword === 'required') {
    const message =
      custom === undefined
        ? `${name} must be filled in${requiredWhen(schema, original.schemaPath, base)}`
        : `${name}: ${custom}`;
    return { field, rule: 'required', message };
  }
  const value = valueAt(data, path);
  const fieldRules = rules.find((r) => r.field === field);
  const candidates =
    (original.keyword === 'enum' ? fieldRules?.enum : [...(fieldRules?.enum ?? []), ...(fieldRules?.examples ?? [])]) ??
    [];
  const suggestion =
    typeof value === 'string' && field !== null
      ? suggestValue(
          value,
          candidates.filter((c): c is string => typeof c === 'string'),
          fieldRules?.synonyms,
        )
      : undefined;
  const wording = custom === undefined ? ` ${ruleWording(original, schema)}` : `: ${custom}`;
  const hint = suggestion === undefined ? '' : ` (did you mean ${JSON.stringify(suggestion)}?)`;
  const problem: ProfileProblem = {
    field,
    rule: original.keyword,
    message: `${name} ${describeValue(value)}${wording}${hint}`,
  };
  return suggestion === undefined ? problem : { ...problem, suggestion };
}
