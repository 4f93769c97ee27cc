/**
 * Checks single editable field values against the field table, through the ajv standalone
 * validators generated at build time (no schema is compiled at run time).
 */
import { editableField, type FieldSpec, type FieldValue } from '../fields/field-table';
import * as generated from './generated/validators';
import type { GeneratedValidator } from './generated/validators';
import { commaMessage, fieldMessage, typeMessage, unknownFieldMessage } from './messages';

const validators = generated as unknown as Record<string, GeneratedValidator | undefined>;

/** The message for a value that fails its field's schema, or null when it passes. */
function fieldValueMessage(spec: FieldSpec, value: unknown): string | null {
  const validate = validators[`field_${spec.name}`];
  if (validate === undefined) throw new Error(`no generated validator for field "${spec.name}"`);
  if (validate(value)) return null;
  return fieldMessage(spec, value, validate.errors?.[0]?.keyword ?? 'type');
}

/** Checks one editable field's value; returns a message for a person, or null when valid. */
export function validateFieldValue(name: string, value: unknown): string | null {
  const spec = editableField(name);
  return spec === undefined ? unknownFieldMessage(name) : fieldValueMessage(spec, value);
}

/** Checks a set of changes by field name; returns every problem (empty when all are valid). */
export function validateChanges(changes: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(changes)) {
    const message = validateFieldValue(name, value);
    if (message !== null) problems.push(message);
  }
  return problems;
}

const FLAG_WORDS: Readonly<Record<string, boolean>> = {
  true: true,
  yes: true,
  y: true,
  '1': true,
  false: false,
  no: false,
  n: false,
  '0': false,
};

/** `true`/`false` (also yes/no, y/n, 1/0, any case) as a boolean. */
function parseFlag(spec: FieldSpec, text: string): { ok: true; value: boolean } | { ok: false; message: string } {
  const value = FLAG_WORDS[text.toLowerCase()];
  return value === undefined ? { ok: false, message: typeMessage(spec, JSON.stringify(text)) } : { ok: true, value };
}

const NUMBER_TEXT = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** One decimal comma and no dot, e.g. `12,5` or `,5`: read as `12.5` (not with three digits after it: `1,500`). */
const DECIMAL_COMMA = /^([-+]?\d*),(\d{1,2}|\d{4,})$/;

/** Whether text is a plain decimal number (`12`, `-0.5`, `1e-5`; no spaces, no commas). */
export function isNumberText(text: string): boolean {
  return NUMBER_TEXT.test(text);
}

/**
 * Number text with an unambiguous decimal comma turned into a dot; null when the text holds a
 * comma that could be a thousands separator (`1,500`, `1.000,5`), so the user is asked for a dot.
 */
function decimalText(text: string): string | null {
  if (!text.includes(',')) return text;
  const comma = DECIMAL_COMMA.exec(text);
  return comma ? `${comma[1]}.${comma[2]}` : null;
}

/**
 * Turns what the user typed into the value to store, or says why it cannot be stored. Numbers
 * take a dot for decimals; a lone decimal comma (`12,5`) is read as one, any other comma is
 * refused with a request for a dot. The app, `acqmeta set` and `acqmeta import` share this rule.
 */
export function parseFieldInput(
  name: string,
  text: string,
): { ok: true; value: FieldValue } | { ok: false; message: string } {
  const spec = editableField(name);
  if (spec === undefined) return { ok: false, message: unknownFieldMessage(name) };
  const trimmed = text.trim();
  if (spec.type === 'str') return { ok: true, value: trimmed };
  if (spec.type === 'bool') return parseFlag(spec, trimmed);
  if (trimmed === '' && spec.nullable) return { ok: true, value: null };
  const number = decimalText(trimmed);
  if (number === null) return { ok: false, message: commaMessage(spec, JSON.stringify(trimmed)) };
  const numeric = isNumberText(number);
  const value = Number(number);
  if (!numeric || !Number.isFinite(value)) {
    return { ok: false, message: typeMessage(spec, JSON.stringify(trimmed)) };
  }
  if (spec.type === 'int' && !Number.isSafeInteger(value)) {
    return { ok: false, message: typeMessage(spec, trimmed) };
  }
  const message = fieldValueMessage(spec, value);
  return message === null ? { ok: true, value } : { ok: false, message };
}
