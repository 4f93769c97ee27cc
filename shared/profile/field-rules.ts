/**
 * What a profile asks of each editable field, read from the places a profile says it:
 * `properties.<section>.properties.<field>` for the field's own rules, the section's
 * `required`, and section-level `if: {required: [...]}, then: {required: [...]}` for
 * "required if". Rules written in other shapes still apply (ajv checks the whole schema);
 * this summary is what forms use for markers, choice lists and hints.
 */
import type { ProfileFieldRules } from '../api';
import { EDITABLE_FIELDS, type FieldSpec, type FieldValue } from '../fields/field-table';
import { fieldPath } from './field-paths';
import { propertySchema } from './schema-walk';

type Schema = Record<string, unknown>;

/** What a value in each format looks like, for hints. */
const FORMAT_EXAMPLES: Record<string, string> = {
  date: 'YYYY-MM-DD',
  'date-time': 'YYYY-MM-DDThh:mm:ssZ',
  time: 'hh:mm:ssZ',
  email: 'name@example.org',
  uri: 'https://example.org/…',
  'uri-reference': 'https://example.org/…',
  url: 'https://example.org/…',
  uuid: '123e4567-e89b-12d3-a456-426614174000',
};

/** The example of a format (`YYYY-MM-DD` for `date`), if there is one. */
export function formatExample(format: string): string | undefined {
  return FORMAT_EXAMPLES[format];
}

const isObject = (value: unknown): value is Schema =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const number = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const values = (value: unknown): FieldValue[] | undefined =>
  Array.isArray(value)
    ? value.filter((v): v is FieldValue => v === null || ['string', 'number', 'boolean'].includes(typeof v))
    : undefined;

/** The `x-synonyms` of a field schema as variant → value (string values only). */
function synonymsOf(schema: Schema): Record<string, string> | undefined {
  const map = schema['x-synonyms'];
  if (!isObject(map)) return undefined;
  const entries = Object.entries(map).filter((e): e is [string, string] => typeof e[1] === 'string');
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/** `if: {required: [a]}, then: {required: [b]}` rules of a section, its `allOf` included. */
function requiredIf(section: Schema | undefined): { when: string[]; then: string[] }[] {
  if (section === undefined) return [];
  const parts = [section, ...(Array.isArray(section.allOf) ? section.allOf.filter(isObject) : [])];
  return parts.flatMap((part) => {
    const condition = part.if;
    const consequence = part.then;
    if (!isObject(condition) || !isObject(consequence)) return [];
    const when = strings(condition.required);
    const onlyRequired = Object.keys(condition).every((k) => k === 'required');
    return when.length > 0 && onlyRequired ? [{ when, then: strings(consequence.required) }] : [];
  });
}

function withoutUndefined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}

/** The rules of one field; null when the profile says nothing about it. */
function rulesOf(profile: Schema, spec: FieldSpec): ProfileFieldRules | null {
  const path = fieldPath(spec);
  const name = path.at(-1) as string;
  // The object holding the field (a section, or the sidecar itself for `accepted`) says what is required.
  const section = path.length === 1 ? profile : propertySchema(profile, path.slice(0, -1));
  const schema = propertySchema(profile, path) ?? {};
  const required = strings(section?.required).includes(name);
  const requiredWhen = requiredIf(section).flatMap((rule) => (rule.then.includes(name) ? rule.when : []));
  const not = isObject(schema.not) ? schema.not : undefined;
  const disallowed = not === undefined ? undefined : 'const' in not ? values([not.const]) : values(not.enum);
  const format = text(schema.format);
  const errorMessage = text(schema.errorMessage);
  const rules = withoutUndefined<ProfileFieldRules>({
    field: spec.name,
    displayName: spec.displayName,
    required,
    requiredWhen: [...new Set(requiredWhen)],
    enum: values(schema.enum) ?? ('const' in schema ? values([schema.const]) : undefined),
    examples: values(schema.examples),
    disallowed,
    pattern: text(schema.pattern),
    format,
    formatExample: format === undefined ? undefined : formatExample(format),
    minimum: number(schema.minimum),
    maximum: number(schema.maximum),
    exclusiveMinimum: number(schema.exclusiveMinimum),
    exclusiveMaximum: number(schema.exclusiveMaximum),
    description: text(schema.description),
    errorMessage,
    synonyms: synonymsOf(schema),
  });
  const saysSomething = Object.keys(rules).length > 4 || rules.required || rules.requiredWhen.length > 0;
  return saysSomething ? rules : null;
}

/** The rules a profile gives the editable fields, in field-table order. */
export function fieldRules(profile: Schema): ProfileFieldRules[] {
  return EDITABLE_FIELDS.flatMap((spec) => rulesOf(profile, spec) ?? []);
}
