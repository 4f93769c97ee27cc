/**
 * A tolerant, lossless JSON reader: accepts what Python's `json.loads` accepts (bare `NaN`,
 * `Infinity`, `-Infinity`) and keeps number text and key order (see {@link JsonNode}). On the
 * way it notes whether the text is laid out exactly as the writer (CloudScope) lays it out.
 */
import type { JsonArray, JsonEntry, JsonNode, JsonObject } from './json-tree';
import { compareCodePoints } from './python-repr';

/**
 * The outcome of {@link readJson}; on failure `offset` points at the problem. `canonical`: the
 * text is exactly what `writeJson` makes of `value` (a file CloudScope wrote, untouched since).
 */
export type JsonReadResult =
  { ok: true; value: JsonNode; canonical: boolean } | { ok: false; message: string; offset: number };

/** Deeper nesting than this is refused instead of exhausting the stack. */
const MAX_DEPTH = 500;

/** What each one-letter JSON escape (`\n`, `\"`, …) stands for. */
export const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
/** Added by `hexDigit` to the value of an upper-case digit, which the writer never writes. */
const UPPER_HEX = 16;
/** `true`, `false` and `null`, by their first letter. */
const LITERALS: Readonly<Record<string, { word: string; value: boolean | null }>> = {
  t: { word: 'true', value: true },
  f: { word: 'false', value: false },
  n: { word: 'null', value: null },
};

class SyntaxProblem {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

/** Parses JSON text into a lossless tree. */
export function readJson(text: string): JsonReadResult {
  if (text.charCodeAt(0) === 0xfeff) {
    return {
      ok: false,
      message: 'the file starts with a byte order mark (BOM), which CloudScope cannot read',
      offset: 0,
    };
  }
  const reader = new Reader(text);
  try {
    const value = reader.document();
    return { ok: true, value, canonical: reader.canonical };
  } catch (error) {
    if (error instanceof SyntaxProblem) return { ok: false, message: error.message, offset: error.offset };
    throw error;
  }
}

/** 1-based line and column (in characters) of an offset in a text. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = [...text.slice(lineStart, offset)].length + 1;
  return { line, column };
}

/**
 * What a run of white space was, as {@link Reader} sees it: nothing, one space, a line break
 * followed by that many spaces (0 or more; the writer's indent is two spaces a level), or
 * anything else.
 */
const NO_SPACE = -1;
const ONE_SPACE = -2;
const OTHER_SPACE = -3;

/** The white space the writer puts before a member of a container at `level`: a line break and its indent. */
function lineBreak(level: number): number {
  return 2 * level;
}

/** Whether a UTF-16 unit is JSON white space. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Whether a UTF-16 unit is an ASCII digit. */
function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The end of the digits from `at` (`at` itself when there are none). */
function digitsEnd(text: string, at: number): number {
  let end = at;
  while (isDigit(text.charCodeAt(end))) end++;
  return end;
}

/**
 * The end of the JSON number at `start` (`start` itself when there is none): the longest
 * `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`, an optional part only when it is whole.
 * Scanned by hand, without the match array a regular expression makes for every number.
 */
function numberEnd(text: string, start: number): number {
  const first = text[start] === '-' ? start + 1 : start;
  const c = text.charCodeAt(first);
  if (!isDigit(c)) return start;
  let end = text[first] === '0' ? first + 1 : digitsEnd(text, first);
  if (text[end] === '.') {
    const fraction = digitsEnd(text, end + 1);
    if (fraction > end + 1) end = fraction;
  }
  if (text[end] === 'e' || text[end] === 'E') {
    const sign = text[end + 1];
    const digits = sign === '+' || sign === '-' ? end + 2 : end + 1;
    const exponent = digitsEnd(text, digits);
    if (exponent > digits) end = exponent;
  }
  return end;
}

/** The units the writer escapes with a letter (`\n`) or writes as they are, never as `\u` escapes: `"`, `\` and the printable ASCII among them. */
function hasShortForm(unit: number): boolean {
  return (
    (unit >= 0x20 && unit <= 0x7e) || unit === 0x08 || unit === 0x09 || unit === 0x0a || unit === 0x0c || unit === 0x0d
  );
}

/** The value of the hex digit with char code `c`, plus {@link UPPER_HEX} for `A`–`F`; -1 for no digit. */
function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return UPPER_HEX + c - 0x37;
  return -1;
}

class Reader {
  private pos = 0;
  /** Whether everything read so far is laid out as the writer would. */
  canonical = true;

  constructor(private readonly text: string) {}

  document(): JsonNode {
    this.gap(NO_SPACE);
    if (this.pos >= this.text.length) this.fail('the file is empty');
    const value = this.value(0);
    this.gap(NO_SPACE);
    if (this.pos < this.text.length) this.fail('unexpected text after the end of the JSON value');
    return value;
  }

  /** Skips white space; the layout stays canonical only if it was `expected` (see {@link NO_SPACE}). */
  private gap(expected: number): void {
    if (this.skipGap() !== expected) this.canonical = false;
  }

  /** Skips white space, which must be `beforeClose` when the unit `close` follows it and `otherwise` elsewhere for the layout to stay canonical. */
  private gapBefore(close: number, beforeClose: number, otherwise: number): void {
    const found = this.skipGap();
    if (found !== (this.text.charCodeAt(this.pos) === close ? beforeClose : otherwise)) this.canonical = false;
  }

  /** Skips white space and says what it was: {@link NO_SPACE}, {@link ONE_SPACE}, a line break and n spaces (n), or {@link OTHER_SPACE}. */
  private skipGap(): number {
    const { text } = this;
    const start = this.pos;
    const first = text.charCodeAt(start);
    if (!isSpace(first)) return NO_SPACE;
    let end = start + 1;
    if (first === 0x0a) while (text.charCodeAt(end) === 0x20) end++;
    this.pos = end;
    if (!isSpace(text.charCodeAt(end)))
      return first === 0x0a ? end - start - 1 : first === 0x20 ? ONE_SPACE : OTHER_SPACE;
    while (isSpace(text.charCodeAt(this.pos))) this.pos++;
    return OTHER_SPACE;
  }

  private fail(message: string, offset = this.pos): never {
    throw new SyntaxProblem(message, offset);
  }

  private expected(what: string): never {
    this.fail(this.pos >= this.text.length ? `the file ends too early: expected ${what}` : `expected ${what}`);
  }

  /** The value at the current position (white space before it already skipped); `depth` is its container's nesting. */
  private value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) this.fail(`nested more than ${MAX_DEPTH} levels deep`);
    const offset = this.pos;
    const code = this.text.charCodeAt(offset);
    if (code === 0x7b) return this.object(depth + 1); // {
    if (code === 0x5b) return this.array(depth + 1); // [
    if (code === 0x22) return { kind: 'string', value: this.string(), offset };
    const c = this.text[offset];
    const literal = LITERALS[c ?? ''];
    if (literal !== undefined && this.text.startsWith(literal.word, offset)) {
      this.pos += literal.word.length;
      return { kind: 'literal', value: literal.value, offset };
    }
    const special =
      c === 'N' ? 'NaN' : c === 'I' ? 'Infinity' : c === '-' && this.text[offset + 1] === 'I' ? '-Infinity' : null;
    if (special !== null && this.text.startsWith(special, offset)) {
      this.pos += special.length;
      return { kind: 'number', text: special, offset };
    }
    const end = numberEnd(this.text, offset);
    if (end === offset) this.expected('a value');
    this.pos = end;
    return { kind: 'number', text: this.text.slice(offset, end), offset };
  }

  private object(depth: number): JsonObject {
    const { text } = this;
    const offset = this.pos++;
    const entries: JsonEntry[] = [];
    this.gapBefore(0x7d, NO_SPACE, lineBreak(depth)); // `{}`, or a line break and the indent
    if (text.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      return { kind: 'object', entries, offset };
    }
    let previous: string | null = null;
    for (;;) {
      if (text.charCodeAt(this.pos) !== 0x22) this.expected('a key in double quotes');
      const key = this.string();
      if (previous !== null && this.canonical && compareCodePoints(previous, key) > 0) this.canonical = false; // the writer sorts keys
      previous = key;
      this.gap(NO_SPACE);
      if (text.charCodeAt(this.pos) !== 0x3a) this.expected("':'");
      this.pos++;
      this.gap(ONE_SPACE);
      entries.push({ key, value: this.value(depth) });
      this.gapBefore(0x7d, lineBreak(depth - 1), NO_SPACE); // none before a comma
      const c = text.charCodeAt(this.pos);
      if (c === 0x7d) {
        this.pos++;
        return { kind: 'object', entries, offset };
      }
      if (c !== 0x2c) this.expected("',' or '}'");
      this.pos++;
      this.gap(lineBreak(depth));
    }
  }

  private array(depth: number): JsonArray {
    const { text } = this;
    const offset = this.pos++;
    const items: JsonNode[] = [];
    this.gapBefore(0x5d, NO_SPACE, lineBreak(depth));
    if (text.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      return { kind: 'array', items, offset };
    }
    for (;;) {
      items.push(this.value(depth));
      this.gapBefore(0x5d, lineBreak(depth - 1), NO_SPACE);
      const c = text.charCodeAt(this.pos);
      if (c === 0x5d) {
        this.pos++;
        return { kind: 'array', items, offset };
      }
      if (c !== 0x2c) this.expected("',' or ']'");
      this.pos++;
      this.gap(lineBreak(depth));
    }
  }

  /**
   * Reads a string starting at its opening quote. On the way, the layout stays canonical only
   * if every unit is written as Python's `json.dumps` writes it (four lower-case hex digits, only where there is no shorter form).
   */
  private string(): string {
    const { text } = this;
    const start = this.pos++;
    let out = '';
    let chunk = this.pos;
    for (;;) {
      if (this.pos >= text.length) this.fail('a string is not closed', start);
      const c = text.charCodeAt(this.pos);
      if (c === 0x22) {
        out += text.slice(chunk, this.pos++);
        return out;
      }
      if (c < 0x20) this.fail('a control character (such as a line break) inside a string must be escaped');
      if (c !== 0x5c) {
        if (c > 0x7e) this.canonical = false; // the writer escapes everything beyond ASCII
        this.pos++;
        continue;
      }
      out += text.slice(chunk, this.pos);
      out += this.escape();
      chunk = this.pos;
    }
  }

  /** Decodes one backslash escape at the current position. */
  private escape(): string {
    const at = this.pos;
    const letter = this.text[at + 1] ?? '';
    const simple = SIMPLE_ESCAPES[letter];
    if (simple !== undefined) {
      this.pos += 2;
      if (letter === '/') this.canonical = false; // the writer leaves `/` as it is
      return simple;
    }
    if (letter !== 'u') this.fail('invalid escape in a string');
    // Decoded digit by digit: a slice, a pattern and a parse per escape weighed on a bulk set.
    // The writer (Python's `json.dumps`, `ensure_ascii`) writes four lower-case digits, and only
    // for a unit it has no shorter form for (a control character without a letter, or anything
    // beyond ASCII, each half of a surrogate pair on its own).
    let unit = 0;
    let upper = false;
    for (let i = at + 2; i < at + 6; i++) {
      const digit = hexDigit(this.text.charCodeAt(i));
      if (digit < 0) this.fail('invalid escape in a string');
      upper ||= digit >= UPPER_HEX;
      unit = unit * 16 + (digit % UPPER_HEX);
    }
    this.pos += 6;
    if (upper || hasShortForm(unit)) this.canonical = false;
    return String.fromCharCode(unit);
  }
}
