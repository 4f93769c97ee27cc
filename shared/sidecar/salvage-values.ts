/**
 * The values that can still be read from a sidecar AcqMeta will not edit (cut short, broken
 * JSON, an unsupported version): a walk of the text up to where the strict reader stopped,
 * keeping the value of every editable field (and `version`) that ends before that point. A value
 * the damage may have cut (`85` of `85.5`) is never taken.
 */
import { EDITABLE_FIELDS, type FieldSection } from '../fields/field-table';
import { SIMPLE_ESCAPES } from './json-reader';

/** One value as the file writes it; numbers keep their text (`1.0`, `NaN`). */
export interface SalvagedValue {
  section: FieldSection;
  /** The field's sidecar key (`species`), or `version`. */
  name: string;
  value: string | boolean | null | { number: string };
}

/** A salvaged value as the file writes it: text in quotes, numbers and `true`/`false`/`null` bare. */
export function writtenText(value: SalvagedValue['value']): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value !== null && typeof value === 'object') return value.number;
  return String(value);
}

/** `section/name` of every editable field, and the top-level `version`: what a salvage keeps. */
const KNOWN = new Set([...EDITABLE_FIELDS.map((f) => `${f.section}/${f.name}`), 'top/version']);
const SECTIONS = new Set<string>(['experiment_metadata', 'image_header_metadata']);
const LITERALS: Readonly<Record<string, boolean | null>> = { true: true, false: false, null: null };
const NUMBER = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|NaN|-?Infinity)/;

/** A container being walked: its section (null when not a field section) and, in an object, the key whose value comes next. */
interface Frame {
  kind: 'object' | 'array';
  section: FieldSection | null;
  key: string | null;
}

/**
 * Every editable field's scalar value in `text[0, end)`, in the file's order (the last one when
 * a key repeats). `end` is where the strict reader found the damage (the text's length when
 * the JSON itself is whole).
 */
export function salvageValues(text: string, end: number): SalvagedValue[] {
  const found = new Map<string, SalvagedValue>();
  const stack: Frame[] = [];
  let pos = 0;
  const skipSpace = (): void => {
    while (pos < end && /\s/.test(text[pos] as string)) pos++;
  };
  for (skipSpace(); pos < end; skipSpace()) {
    const c = text[pos] as string;
    const frame = stack[stack.length - 1];
    if (c === '{' || c === '[') {
      const key = stack.length === 1 ? (frame?.key ?? null) : null;
      const section = key !== null && SECTIONS.has(key) ? (key as FieldSection) : null;
      stack.push({ kind: c === '{' ? 'object' : 'array', section, key: null });
      pos++;
      continue;
    }
    if (c === '}' || c === ']') {
      stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) parent.key = null;
      pos++;
      continue;
    }
    if (c === ',' || c === ':') {
      pos++;
      continue;
    }
    let value: SalvagedValue['value'];
    let next: number;
    if (c === '"') {
      const string = readString(text, pos, end);
      if (string === null) break;
      [value, next] = string;
      if (frame?.kind === 'object' && frame.key === null) {
        frame.key = value;
        pos = next;
        continue;
      }
    } else {
      const word = NUMBER.exec(text.slice(pos, pos + 32))?.[0] ?? /^(?:true|false|null)/.exec(text.slice(pos))?.[0];
      // the damage may have cut a bare value: it counts only when something follows it
      if (word === undefined || pos + word.length >= end) break;
      value = word in LITERALS ? (LITERALS[word] as boolean | null) : { number: word };
      next = pos + word.length;
    }
    if (frame?.kind === 'object' && frame.key !== null) {
      const section: FieldSection | null = stack.length === 1 ? 'top' : frame.section;
      if (section !== null && KNOWN.has(`${section}/${frame.key}`)) {
        found.set(`${section}/${frame.key}`, { section, name: frame.key, value });
      }
      frame.key = null;
    }
    pos = next;
  }
  return [...found.values()];
}

/** The string whose opening quote is at `start` and the offset after it; null when it does not end before `end`. */
function readString(text: string, start: number, end: number): [string, number] | null {
  let out = '';
  for (let i = start + 1; i < end; i++) {
    const c = text[i] as string;
    if (c === '"') return [out, i + 1];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const letter = text[i + 1] ?? '';
    if (letter === 'u') {
      out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
      i += 5;
    } else {
      out += SIMPLE_ESCAPES[letter] ?? letter;
      i += 1;
    }
  }
  return null;
}
