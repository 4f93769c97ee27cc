/**
 * Mutations of sidecar files for the fuzz run: truncations, bit flips and invalid UTF-8 on the
 * bytes; deep nesting, giant strings, odd numbers, repeated or missing keys on the text.
 */
import type { Random } from './random';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Replaces one JSON value after a `"key": ` with `replacement`. */
function replaceValue(text: string, random: Random, replacement: string): string {
  const keys = [...text.matchAll(/"[a-z_0-9]+": /g)];
  if (keys.length === 0) return text;
  const match = random.pick(keys);
  const start = (match.index ?? 0) + match[0].length;
  let end = start;
  if (text[start] === '"') {
    end = start + 1;
    while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
    end += 1;
  } else {
    while (end < text.length && !',\n}]'.includes(text[end] as string)) end++;
  }
  return text.slice(0, start) + replacement + text.slice(end);
}

function nested(depth: number, random: Random): string {
  const [open, close] = random.pick([
    ['[', ']'],
    ['{"a": ', '}'],
  ]) as [string, string];
  return open.repeat(depth) + '1' + close.repeat(depth);
}

/** Text mutations, by name. */
const TEXT_MUTATIONS: Record<string, (text: string, random: Random) => string> = {
  deepNesting: (text, random) =>
    replaceValue(text, random, nested(random.pick([100, 499, 500, 501, 5_000, 200_000]), random)),
  giantString: (text, random) =>
    replaceValue(
      text,
      random,
      `"${random.pick(['x', 'µ', '\\u00b5', '\\n', '\\ud83d\\ude00']).repeat(random.pick([20_000, 100_000]))}"`,
    ),
  oddNumber: (text, random) =>
    replaceValue(
      text,
      random,
      random.pick([
        '1e999',
        '-1e999',
        '-0',
        '1E+400',
        '0.' + '1'.repeat(400),
        '9'.repeat(500),
        'NaN',
        '-Infinity',
        '1.0e',
        '01',
        '.5',
        '+1',
        '0x10',
      ]),
    ),
  oddValue: (text, random) =>
    replaceValue(
      text,
      random,
      random.pick([
        'null',
        'true',
        '[]',
        '{}',
        '""',
        '"\\ud800"',
        '"\\u0000"',
        '"\\x41"',
        '[1,]',
        '{"a"}',
        '"unterminated',
      ]),
    ),
  repeatKey: (text, random) => {
    const keys = [...text.matchAll(/\n( +)("[a-z_]+": [^\n]*?),?\n/g)];
    if (keys.length === 0) return text;
    const match = random.pick(keys);
    const at = (match.index ?? 0) + 1;
    return `${text.slice(0, at)}${match[1]}${(match[2] as string).replace(/,$/, '')},\n${text.slice(at)}`;
  },
  dropKey: (text, random) => {
    const lines = text.split('\n');
    lines.splice(1 + random.below(Math.max(1, lines.length - 2)), 1);
    return lines.join('\n');
  },
  insertToken: (text, random) => {
    const at = random.below(text.length + 1);
    return (
      text.slice(0, at) +
      random.pick(['{', '}', '[', ']', ',', ':', '"', '\\', 'NaN', '\u0000', '\ufeff', ' ']) +
      text.slice(at)
    );
  },
};

/** Byte mutations of a text file, by name (the channel-table mutations use them too). */
export const BYTE_MUTATIONS: Record<string, (bytes: Uint8Array, random: Random) => Uint8Array> = {
  truncate: (bytes, random) => bytes.slice(0, random.below(bytes.length + 1)),
  flipBits(bytes, random) {
    const out = bytes.slice();
    for (let i = 1 + random.below(4); i > 0 && out.length > 0; i--) {
      const at = random.below(out.length);
      out[at] = (out[at] as number) ^ (1 << random.below(8));
    }
    return out;
  },
  invalidUtf8(bytes, random) {
    const at = random.below(bytes.length + 1);
    const bad = random.pick([[0xff], [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]);
    return new Uint8Array([...bytes.slice(0, at), ...bad, ...bytes.slice(at)]);
  },
  byteOrderMark: (bytes) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]),
};

/**
 * One random mutation of a text file's bytes: one of `byteMutations` or, as often, one of
 * `textMutations` on its text; returns the strategy used.
 */
export function mutateTextFile(
  bytes: Uint8Array,
  random: Random,
  byteMutations: Record<string, (bytes: Uint8Array, random: Random) => Uint8Array>,
  textMutations: Record<string, (text: string, random: Random) => string>,
): { bytes: Uint8Array; how: string } {
  if (random.below(2) === 0) {
    const name = random.pick(Object.keys(byteMutations));
    return { bytes: (byteMutations[name] as (b: Uint8Array, r: Random) => Uint8Array)(bytes, random), how: name };
  }
  const name = random.pick(Object.keys(textMutations));
  const text = (textMutations[name] as (t: string, r: Random) => string)(decoder.decode(bytes), random);
  return { bytes: encoder.encode(text), how: name };
}

/** One random mutation of a sidecar's bytes; returns the strategy used. */
export function mutateSidecar(bytes: Uint8Array, random: Random): { bytes: Uint8Array; how: string } {
  return mutateTextFile(bytes, random, BYTE_MUTATIONS, TEXT_MUTATIONS);
}
