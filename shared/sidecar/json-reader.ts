/**
 * A tolerant, lossless JSON reader: accepts what Python's `json.loads` accepts (bare `NaN`,
 * `Infinity`, `-Infinity`) and keeps number text and key order (see {@link JsonNode}).
 */
import type { JsonArray, JsonEntry, JsonNode, JsonObject } from './json-tree';

/** The outcome of {@link readJson}; on failure `offset` points at the problem. */
export type JsonReadResult =
  | { ok: true; value: JsonNode }
  | { ok: false; message: string; offset: number };

/** Deeper nesting than this is refused instead of exhausting the stack. */
const MAX_DEPTH = 500;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const HEX4 = /^[0-9a-fA-F]{4}$/;
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
    return { ok: false, message: 'the file starts with a byte order mark (BOM), which CloudScope cannot read', offset: 0 };
  }
  const reader = new Reader(text);
  try {
    return { ok: true, value: reader.document() };
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

class Reader {
  private pos = 0;

  constructor(private readonly text: string) {}

  document(): JsonNode {
    this.skipSpace();
    if (this.pos >= this.text.length) this.fail('the file is empty');
    const value = this.value(0);
    this.skipSpace();
    if (this.pos < this.text.length) this.fail('unexpected text after the end of the JSON value');
    return value;
  }

  private fail(message: string, offset = this.pos): never {
    throw new SyntaxProblem(message, offset);
  }

  private expected(what: string): never {
    this.fail(this.pos >= this.text.length ? `the file ends too early: expected ${what}` : `expected ${what}`);
  }

  private skipSpace(): void {
    const { text } = this;
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
      this.pos++;
    }
  }

  private value(depth: number): JsonNode {
    this.skipSpace();
    if (depth > MAX_DEPTH) this.fail(`nested more than ${MAX_DEPTH} levels deep`);
    const offset = this.pos;
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth + 1);
    if (c === '[') return this.array(depth + 1);
    if (c === '"') return { kind: 'string', value: this.string(), offset };
    const literal = LITERALS[c ?? ''];
    if (literal !== undefined && this.text.startsWith(literal.word, offset)) {
      this.pos += literal.word.length;
      return { kind: 'literal', value: literal.value, offset };
    }
    const special = c === 'N' ? 'NaN' : c === 'I' ? 'Infinity' : c === '-' && this.text[offset + 1] === 'I' ? '-Infinity' : null;
    if (special !== null && this.text.startsWith(special, offset)) {
      this.pos += special.length;
      return { kind: 'number', text: special, offset };
    }
    NUMBER.lastIndex = offset;
    const match = NUMBER.exec(this.text);
    if (match === null) this.expected('a value');
    this.pos += match[0].length;
    return { kind: 'number', text: match[0], offset };
  }

  private object(depth: number): JsonObject {
    const offset = this.pos++;
    const entries: JsonEntry[] = [];
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { kind: 'object', entries, offset };
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.expected('a key in double quotes');
      const key = this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.expected("':'");
      this.pos++;
      entries.push({ key, value: this.value(depth) });
      this.skipSpace();
      const c = this.text[this.pos];
      this.pos++;
      if (c === '}') return { kind: 'object', entries, offset };
      if (c !== ',') {
        this.pos--;
        this.expected("',' or '}'");
      }
    }
  }

  private array(depth: number): JsonArray {
    const offset = this.pos++;
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { kind: 'array', items, offset };
    }
    for (;;) {
      items.push(this.value(depth));
      this.skipSpace();
      const c = this.text[this.pos];
      this.pos++;
      if (c === ']') return { kind: 'array', items, offset };
      if (c !== ',') {
        this.pos--;
        this.expected("',' or ']'");
      }
    }
  }

  /** Reads a string starting at its opening quote. */
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
    const letter = this.text[this.pos + 1] ?? '';
    const simple = SIMPLE_ESCAPES[letter];
    if (simple !== undefined) {
      this.pos += 2;
      return simple;
    }
    const hex = this.text.slice(this.pos + 2, this.pos + 6);
    if (letter !== 'u' || !HEX4.test(hex)) this.fail('invalid escape in a string');
    this.pos += 6;
    return String.fromCharCode(parseInt(hex, 16));
  }
}
