/**
 * What Python makes of a sidecar's JSON values where acqstore converts them: `str()`, `repr()`,
 * `float()`, `int()` and `str.strip()`, and `ExperimentMetadata`'s coercion of its fields.
 */
import { memberOf, numberValue, pythonFloatRepr, type JsonNode } from '../../../sidecar';
import { NA, pyFloatCell, pyInt, pyStr, UnreadableValue, type PyCell } from './pandas-cells';

/** Python's `str.strip()` whitespace: JavaScript's `\s` without U+FEFF, with U+001C–U+001F and U+0085. */
const PY_SPACE = '[\\t-\\r\\u001c-\\u0020\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const STRIP = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, 'g');
/** Python's `str.strip()`. */
export const pyStrip = (text: string): string => text.replace(STRIP, '');

/** `value[key]` of a JSON object; undefined for a missing key or a value that is not an object. */
export const member = (node: JsonNode | undefined, key: string): JsonNode | undefined =>
  node?.kind === 'object' ? memberOf(node, key) : undefined;
/** Whether the value is JSON's null (Python's None). */
export const isNull = (node: JsonNode | undefined): boolean => node?.kind === 'literal' && node.value === null;

const isInt = (node: JsonNode): boolean => node.kind === 'number' && /^-?\d+$/.test(node.text);

/** A float as Python's `str()` and `repr()` write it (`nan`, `inf`, `1e-05`). */
function floatStr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  return pythonFloatRepr(value);
}

/** Characters Python's `repr` of a str escapes: not printable (`str.isprintable`), the quote, the backslash. */
const UNPRINTABLE = /[\p{C}\p{Zl}\p{Zp}\p{Zs}\\]/u;

/** Python's `repr()` of a str: single quotes unless it holds one and no double quote. */
function strRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (char === quote || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (char === ' ' || !UNPRINTABLE.test(char)) out += char;
    else if (code < 0x100) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return out + quote;
}

/** Python's `repr()` of a value `json.load` read. */
function repr(node: JsonNode): string {
  switch (node.kind) {
    case 'string':
      return strRepr(node.value);
    case 'array':
      return `[${node.items.map(repr).join(', ')}]`;
    case 'object': {
      // a dict keeps a repeated key where it first came, with its last value
      const members = new Map<string, JsonNode>();
      for (const entry of node.entries) members.set(entry.key, entry.value);
      return `{${[...members].map(([key, value]) => `${strRepr(key)}: ${repr(value)}`).join(', ')}}`;
    }
    default:
      return strOf(node);
  }
}

/** Python's `str()` of a value `json.load` read: `30`, `30.5`, `nan`, `True`, `None`, `['a', 'b']`. */
export function strOf(node: JsonNode): string {
  switch (node.kind) {
    case 'string':
      return node.value;
    case 'number':
      return isInt(node) ? BigInt(node.text).toString() : floatStr(numberValue(node));
    case 'literal':
      return node.value === null ? 'None' : node.value ? 'True' : 'False';
    default:
      return repr(node);
  }
}

/** Python's `float(text)` of a str: digits with `_` between them, an exponent, `inf`, `nan`; null when it raises. */
function floatOfText(text: string): number | null {
  const s = pyStrip(text).toLowerCase();
  if (/^[+-]?(inf|infinity)$/.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/.test(s)) return NaN;
  const digits = '\\d(?:_?\\d)*';
  const pattern = new RegExp(`^[+-]?(?:${digits}(?:\\.(?:${digits})?)?|\\.${digits})(?:e[+-]?${digits})?$`);
  return pattern.test(s) ? Number(s.replaceAll('_', '')) : null;
}

/** Python's `float(value)` of a JSON value; null when it raises (or there is none). */
export function floatOf(node: JsonNode | undefined): number | null {
  if (node === undefined) return null;
  if (node.kind === 'number') return numberValue(node);
  if (node.kind === 'string') return floatOfText(node.value);
  if (node.kind === 'literal' && node.value !== null) return node.value ? 1 : 0;
  return null;
}

/** Python's `int(value)` of a JSON value (a float truncated, a str of digits), exactly; null when it raises. */
export function intOf(node: JsonNode | undefined): bigint | null {
  if (node?.kind === 'number') {
    if (isInt(node)) return BigInt(node.text);
    const value = numberValue(node);
    return Number.isFinite(value) ? BigInt(Math.trunc(value)) : null;
  }
  if (node?.kind === 'literal' && node.value !== null) return node.value ? 1n : 0n;
  if (node?.kind !== 'string') return null;
  const text = pyStrip(node.value);
  return /^[+-]?\d(?:_?\d)*$/.test(text) ? BigInt(text.replaceAll('_', '')) : null;
}

const isBlank = (node: JsonNode): boolean => isNull(node) || (node.kind === 'string' && pyStrip(node.value) === '');

/** A text field as acqstore keeps it: `str(value).strip()`, empty for null or a missing key. */
export function textField(node: JsonNode | undefined): PyCell {
  return node === undefined || isNull(node) ? pyStr('') : pyStr(pyStrip(strOf(node)));
}

/** A whole-number field (`branch_order`): missing when null or blank, else `float()` that must be whole; throws where acqstore's coercion does. */
export function wholeField(node: JsonNode | undefined, key: string): PyCell {
  if (node === undefined || isBlank(node)) return NA;
  const value = floatOf(node);
  if (value === null || !Number.isFinite(value) || !Number.isInteger(value))
    throw new UnreadableValue(`experiment_metadata.${key} is not a whole number`);
  return pyInt(BigInt(value));
}

/** A number field (`depth`): missing when null, blank or NaN, else `float(value)`; throws where acqstore's coercion does. */
export function numberField(node: JsonNode | undefined, key: string): PyCell {
  if (node === undefined || isBlank(node)) return NA;
  const value = floatOf(node);
  if (value === null) throw new UnreadableValue(`experiment_metadata.${key} is not a number`);
  return Number.isNaN(value) ? NA : pyFloatCell(value);
}

/** What applying a sidecar's pixel sizes does in acqstore: `[y, x]` sizes, or a stop of its loader. */
export type StepsApplied = { steps: [number, number] } | { stop: true };

/**
 * The pixel sizes acqstore's header holds once the sidecar's calibration is applied
 * (`ImageHeaderMetadata.update_values`): both sizes taken, or neither when one is not a positive
 * number (its loader's 1.0 stays); a size that is not finite becomes 1.0. A null (or a list) is
 * a `TypeError` that stops the loader.
 */
export function stepsOf(y: JsonNode | undefined, x: JsonNode | undefined): StepsApplied {
  const sizes: number[] = [];
  for (const node of [y, x]) {
    if (node === undefined) sizes.push(1);
    else if (node.kind !== 'number' && node.kind !== 'string' && node.kind !== 'literal') return { stop: true };
    else if (isNull(node)) return { stop: true };
    else {
      const size = floatOf(node);
      if (size === null) return { steps: [1, 1] };
      sizes.push(size);
    }
  }
  const [sizeY = 1, sizeX = 1] = sizes;
  if (sizeY <= 0 || sizeX <= 0) return { steps: [1, 1] };
  const finite = (size: number): number => (Number.isFinite(size) ? size : 1);
  return { steps: [finite(sizeY), finite(sizeX)] };
}
