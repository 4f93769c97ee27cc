/**
 * Python's text forms of floats, ints and strings, as `json.dumps` writes them
 * (https://docs.python.org/3/library/json.html, `ensure_ascii=True`).
 */

/**
 * A float as Python's `repr` writes it: `75.0`, `0.5`, `1e-05`, `1e+16`, `NaN`, `-Infinity`.
 *
 * JavaScript and Python both print the shortest digits that read back to the same double;
 * only the layout differs (Python switches to an exponent below 1e-4 and from 1e16 on).
 */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(x);
  if (magnitude >= 1e-4 && magnitude < 1e16) {
    // Both languages write these without an exponent, with the same shortest digits.
    const text = String(x);
    return text.includes('.') ? text : `${text}.0`;
  }
  // Below 1e-4 and from 1e16 on, Python writes an exponent of at least two digits.
  const { digits, exponent } = shortestDigits(magnitude);
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${x < 0 ? '-' : ''}${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/** An integer as Python's `str(int)` writes it, however large. */
export function pythonIntRepr(x: number): string {
  return BigInt(Math.trunc(x)).toString();
}

/** The shortest round-trip digits of a positive finite number and its decimal exponent. */
function shortestDigits(x: number): { digits: string; exponent: number } {
  const [mantissa = '', exp = '0'] = String(x).split('e');
  const [whole = '', fraction = ''] = mantissa.split('.');
  let digits = whole + fraction;
  let exponent = Number(exp) + whole.length - 1;
  const leadingZeros = /^0*/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(leadingZeros).replace(/0+$/, '');
  exponent -= leadingZeros;
  return { digits: digits || '0', exponent };
}

/** A string as Python's `json.dumps` writes it: ASCII only, `\u00b5`, surrogate pairs. */
export function pythonJsonString(s: string): string {
  let out = '"';
  let chunk = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(chunk, i) + escapeUnit(c);
    chunk = i + 1;
  }
  return `${out}${s.slice(chunk)}"`;
}

function escapeUnit(c: number): string {
  switch (c) {
    case 0x22:
      return '\\"';
    case 0x5c:
      return '\\\\';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    default:
      return `\\u${c.toString(16).padStart(4, '0')}`;
  }
}

/**
 * Compares two strings by Unicode code point, as Python sorts `str` (JavaScript's `<`
 * compares UTF-16 units, which puts U+10000 and above before U+E000–U+FFFF).
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca !== cb) return codePointOrder(ca) - codePointOrder(cb);
  }
  return a.length - b.length;
}

/** Moves surrogates above U+E000–U+FFFF so UTF-16 units compare in code point order. */
function codePointOrder(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}
