/**
 * A JSON scanner that keeps where each value lies in the text, so that an edit can replace the
 * bytes of one value and leave every other byte as it was, whatever the file's formatting.
 */

/** A value of the text, with the offsets of its first character and of the one after its last. */
export type PositionedValue =
  | { kind: 'object'; start: number; end: number; members: PositionedMember[] }
  | { kind: 'array'; start: number; end: number; items: PositionedValue[] }
  | { kind: 'scalar'; start: number; end: number; value: string | number | boolean | null };

/** One `"key": value` of an object: the key decoded, and where the key starts. */
export interface PositionedMember {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: PositionedValue;
}

/** Deeper nesting than a description ever has is refused rather than risking the stack. */
const MAX_DEPTH = 256;

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// a string: any character but a quote, a backslash or a control character (U+0000–U+001F), or an escape
const STRING = new RegExp(String.raw`"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"`, 'y');

/** Parses `text` as one JSON value with positions; throws an Error naming the offset of what is wrong. */
export function parseWithPositions(text: string): PositionedValue {
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`not valid JSON: ${what} at character ${at}`);
  };
  const skip = (): void => {
    while (at < text.length && WHITESPACE.has(text[at] as string)) at++;
  };
  const match = (pattern: RegExp): string | null => {
    pattern.lastIndex = at;
    const found = pattern.exec(text);
    if (found === null) return null;
    at += found[0].length;
    return found[0];
  };
  const value = (depth: number): PositionedValue => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH}`);
    skip();
    const start = at;
    const char = text[at];
    if (char === '{') {
      at++;
      const members: PositionedMember[] = [];
      skip();
      if (text[at] === '}') return { kind: 'object', start, end: ++at, members };
      for (;;) {
        skip();
        const keyStart = at;
        const key = match(STRING) ?? fail('a key expected');
        const keyEnd = at;
        skip();
        if (text[at++] !== ':') fail('":" expected');
        members.push({ key: JSON.parse(key) as string, keyStart, keyEnd, value: value(depth + 1) });
        skip();
        const next = text[at++];
        if (next === '}') return { kind: 'object', start, end: at, members };
        if (next !== ',') fail('"," or "}" expected');
      }
    }
    if (char === '[') {
      at++;
      const items: PositionedValue[] = [];
      skip();
      if (text[at] === ']') return { kind: 'array', start, end: ++at, items };
      for (;;) {
        items.push(value(depth + 1));
        skip();
        const next = text[at++];
        if (next === ']') return { kind: 'array', start, end: at, items };
        if (next !== ',') fail('"," or "]" expected');
      }
    }
    const string = match(STRING);
    if (string !== null) return { kind: 'scalar', start, end: at, value: JSON.parse(string) as string };
    const number = match(NUMBER);
    if (number !== null) return { kind: 'scalar', start, end: at, value: Number(number) };
    for (const [word, literal] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const)
      if (text.startsWith(word, at)) {
        at += word.length;
        return { kind: 'scalar', start, end: at, value: literal };
      }
    return fail('a value expected');
  };
  const root = value(0);
  skip();
  if (at < text.length) fail('text after the value');
  return root;
}
