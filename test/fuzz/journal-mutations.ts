/**
 * Mutations of journal files for the fuzz run: on the lines (cut short, repeated, swapped,
 * giant, blank, values of the wrong type, hostile paths), on the bytes (flips, truncation,
 * invalid UTF-8), and on the gzip form (compressed, then cut or flipped; packed far past the
 * size limit).
 */
import { gzipSync } from 'node:zlib';
import type { Random } from './random';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Replaces the value of one `"key":` of a line with `replacement`. */
function replaceValue(line: string, random: Random, replacement: string): string {
  const keys = [...line.matchAll(/"(id|batch|time|path|changes|before|after|old|new|field|cancel)":/g)];
  if (keys.length === 0) return line;
  const match = random.pick(keys);
  const start = (match.index ?? 0) + match[0].length;
  return `${line.slice(0, start)}${replacement},${line.slice(start).replace(/^("[^"]*"|[^,}\]]*)[,]?/, '')}`;
}

/** Line mutations, by name: each returns the file's new lines. */
const LINE_MUTATIONS: Record<string, (lines: string[], random: Random) => string[]> = {
  cutShort: (lines, random) => {
    const at = random.below(lines.length);
    const line = lines[at] as string;
    return [...lines.slice(0, at), line.slice(0, random.below(line.length))];
  },
  repeated: (lines, random) => {
    const line = random.pick(lines);
    return [...lines, ...Array.from({ length: random.pick([2, 100, 5_000]) }, () => line)];
  },
  swapped: (lines, random) => {
    const copy = [...lines];
    const [a, b] = [random.below(copy.length), random.below(copy.length)];
    [copy[a], copy[b]] = [copy[b] as string, copy[a] as string];
    return copy;
  },
  giantLine: (lines, random) => [
    ...lines,
    `{"id":"${'x'.repeat(random.pick([100_000, 1024 * 1024 + 1, 3_000_000]))}"}`,
  ],
  blankLines: (lines, random) => [
    ...lines,
    ...Array.from({ length: random.pick([10, 99_999, 100_001, 400_000]) }, () => ''),
  ],
  wrongType: (lines, random) =>
    lines.map((line) =>
      random.below(2) === 0
        ? line
        : replaceValue(
            line,
            random,
            random.pick(['null', '1e999', '[]', '{}', '"', 'true', '{"size":"1"}', '[{"x":1}]']),
          ),
    ),
  hostilePath: (lines, random) =>
    lines.map((line) =>
      line.replace(
        /"path":"[^"]*"/,
        `"path":${JSON.stringify(random.pick(['../../etc/passwd', '/abs.tif', '', '.', 'a/../../b.tif', 'C:\\x.tif', 'a\u0000b']))}`,
      ),
    ),
  notJson: (lines, random) => [...lines, random.pick(['{', '[1,2]', '"text"', '42', '{"cancel":5}', '\u0000\u0001'])],
};

/** `bytes` with a few bytes set at random. */
function flipBytes(bytes: Uint8Array, random: Random): Uint8Array {
  const copy = bytes.slice();
  for (let i = random.pick([1, 8, 64]); i > 0 && copy.length > 0; i--)
    copy[random.below(copy.length)] = random.below(256);
  return copy;
}

/** Byte mutations, by name. */
const BYTE_MUTATIONS: Record<string, (bytes: Uint8Array, random: Random) => Uint8Array> = {
  flipBytes,
  truncate: (bytes, random) => bytes.subarray(0, random.below(bytes.length + 1)),
  invalidUtf8: (bytes, random) => {
    const copy = bytes.slice();
    if (copy.length > 0) copy[random.below(copy.length)] = random.pick([0xff, 0xc0, 0xed]);
    return copy;
  },
};

/** Gzip forms, by name: the mutant compressed, then maybe damaged, or a bomb. */
const GZIP_FORMS: Record<string, (bytes: Uint8Array, random: Random) => Uint8Array> = {
  gzip: (bytes) => gzipSync(bytes),
  gzipCut: (bytes, random) => {
    const packed = gzipSync(bytes);
    return packed.subarray(0, random.below(packed.length));
  },
  gzipFlipped: (bytes, random) => flipBytes(gzipSync(bytes), random),
  gzipTwoMembers: (bytes) => Buffer.concat([gzipSync(bytes), gzipSync(bytes)]),
  gzipBomb: (bytes, random) => gzipSync(Buffer.alloc(random.pick([9, 20]) * 1024 * 1024, random.pick([0x0a, 0x78]))),
};

/** A mutant of the journal file `bytes` (plain, or gzip-compressed: the reader tells by its first bytes) and how it was made. */
export function mutateJournal(bytes: Uint8Array, random: Random): { bytes: Uint8Array; how: string } {
  const lineName = random.pick(Object.keys(LINE_MUTATIONS));
  const lines = decoder.decode(bytes).split('\n');
  let mutant: Uint8Array = encoder.encode(
    (LINE_MUTATIONS[lineName] as (l: string[], r: Random) => string[])(lines, random).join('\n'),
  );
  const how = [lineName];
  if (random.below(3) === 0) {
    const byteName = random.pick(Object.keys(BYTE_MUTATIONS));
    mutant = (BYTE_MUTATIONS[byteName] as (b: Uint8Array, r: Random) => Uint8Array)(mutant, random);
    how.push(byteName);
  }
  if (random.below(3) === 0) {
    const gzipName = random.pick(Object.keys(GZIP_FORMS));
    mutant = (GZIP_FORMS[gzipName] as (b: Uint8Array, r: Random) => Uint8Array)(mutant, random);
    how.push(gzipName);
  }
  return { bytes: mutant, how: how.join(' + ') };
}
