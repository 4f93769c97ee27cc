/**
 * How acqstore reads a sidecar's experiment fields (`ExperimentMetadata`'s coercion, Python's
 * `str`, `float` and `str.strip`), for the columns its pooled tables take from them.
 */
import { memberOf, numberValue, type JsonNode } from '../../../sidecar';
import { cellText, cellOfJson, NA, UnreadableValue, pyFloatCell, pyInt, pyStr, type PyCell } from './pandas-cells';

/** Python's `str.strip()` whitespace: JavaScript's `\\s` without U+FEFF, with U+001C–U+001F and U+0085. */
const PY_SPACE = '[\\t-\\r\\u001c-\\u0020\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const STRIP = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, 'g');
const pyStrip = (text: string): string => text.replace(STRIP, '');

/** Python's `str()` of a JSON scalar: `30`, `30.5`, `nan`, `True`. */
export function strOf(node: JsonNode): string {
  const cell = cellOfJson(node);
  if (cell.kind !== 'float' || Number.isFinite(cell.value)) return cellText(cell);
  return Number.isNaN(cell.value) ? 'nan' : cell.value > 0 ? 'inf' : '-inf';
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

/** Python's `int(value)` of a JSON value (a float truncated, a str of digits); null when it raises. */
export function intOf(node: JsonNode | undefined): number | null {
  if (node?.kind === 'number') return Number.isFinite(numberValue(node)) ? Math.trunc(numberValue(node)) : null;
  if (node?.kind === 'literal' && node.value !== null) return node.value ? 1 : 0;
  if (node?.kind !== 'string') return null;
  const text = pyStrip(node.value);
  return /^[+-]?\d(?:_?\d)*$/.test(text) ? Number(text.replaceAll('_', '')) : null;
}

/** A text field as acqstore keeps it: `str(value).strip()`, empty for null or a missing key. */
export function textField(section: JsonNode | undefined, key: string): PyCell {
  const node = section?.kind === 'object' ? memberOf(section, key) : undefined;
  if (node === undefined || (node.kind === 'literal' && node.value === null)) return pyStr('');
  try {
    return pyStr(pyStrip(strOf(node)));
  } catch (error) {
    if (error instanceof UnreadableValue) throw new UnreadableValue(`experiment_metadata.${key} is ${error.message}`);
    throw error;
  }
}

const isBlank = (node: JsonNode): boolean =>
  (node.kind === 'literal' && node.value === null) || (node.kind === 'string' && pyStrip(node.value) === '');

/** A whole-number field (`branch_order`): missing when null or blank, else a float that must be whole. */
export function wholeField(section: JsonNode | undefined, key: string): PyCell {
  const node = section?.kind === 'object' ? memberOf(section, key) : undefined;
  if (node === undefined || isBlank(node)) return NA;
  const value = floatOf(node);
  if (value === null || !Number.isFinite(value) || !Number.isInteger(value))
    throw new UnreadableValue(`experiment_metadata.${key} is not a whole number`);
  return pyInt(BigInt(value));
}

/** A number field (`depth`): missing when null, blank or NaN, else `float(value)`. */
export function numberField(section: JsonNode | undefined, key: string): PyCell {
  const node = section?.kind === 'object' ? memberOf(section, key) : undefined;
  if (node === undefined || isBlank(node)) return NA;
  const value = floatOf(node);
  if (value === null) throw new UnreadableValue(`experiment_metadata.${key} is not a number`);
  return Number.isNaN(value) ? NA : pyFloatCell(value);
}

/**
 * A pixel size as acqstore's header holds it after the sidecar's calibration: the sidecar's
 * `physical_unit_y`/`_x` when it is a positive finite number, else 1.0 (its default).
 */
export function stepOf(header: JsonNode | undefined, key: string): PyCell {
  const node = header?.kind === 'object' ? memberOf(header, key) : undefined;
  if (node?.kind === 'literal' && node.value === null)
    throw new UnreadableValue(`image_header_metadata.${key} is null`);
  const value = node === undefined ? null : floatOf(node);
  return pyFloatCell(value !== null && Number.isFinite(value) && value > 0 ? value : 1);
}
