/**
 * Mutations of channel tables (`acqmeta.channels.csv`) for the fuzz run: truncations, bit flips
 * and invalid UTF-8 on the bytes; quotes, delimiters and line ends, repeated or renamed columns,
 * and tables at and just past the row, column and cell limits on the text.
 */
import { MAX_CHANNEL_CELL_CHARS, MAX_CHANNEL_COLUMNS, MAX_CHANNEL_ROWS } from '../../shared/channels/channel-table';
import type { Random } from './random';
import { BYTE_MUTATIONS, mutateTextFile } from './sidecar-mutations';

/** Inserts `piece` at a random place of `text`. */
function insertAt(text: string, random: Random, piece: string): string {
  const at = random.below(text.length + 1);
  return text.slice(0, at) + piece + text.slice(at);
}

/** Text mutations, by name. */
const TEXT_MUTATIONS: Record<string, (text: string, random: Random) => string> = {
  insertToken: (text, random) =>
    insertAt(text, random, random.pick(['"', '""', ',', '\r', '\n', '\r\n', ';', '\t', '\u0000', '\ufeff', ' '])),
  dropLine: (text, random) => {
    const lines = text.split('\n');
    lines.splice(random.below(lines.length), 1);
    return lines.join('\n');
  },
  repeatHeader: (text, random) => {
    const [header = '', ...rest] = text.split('\r\n');
    const names = header.split(',');
    names.push(random.pick(names).toUpperCase());
    return [names.join(','), ...rest].join('\r\n');
  },
  manyRows: (text, random) =>
    text + 'x,y\r\n'.repeat(MAX_CHANNEL_ROWS + random.pick([-5, 0, 1, 2])) + random.pick(['', '\n'.repeat(20_000)]),
  manyColumns: (text, random) =>
    insertAt(
      text,
      random,
      Array.from({ length: MAX_CHANNEL_COLUMNS + random.pick([-20, 0, 1, 5_000]) }, (_, i) => `c${i}`).join(','),
    ),
  longCell: (text, random) =>
    insertAt(text, random, random.pick(['x', 'µ', '"']).repeat(MAX_CHANNEL_CELL_CHARS + random.pick([-1, 1, 2]))),
  openQuote: (text, random) => insertAt(text, random, `"${random.pick(['', ',', '\n'.repeat(50_000)])}`),
  lineEnds: (text, random) => text.replace(/\r?\n/g, random.pick(['\r', '\n', '\r\r\n', '\n\r'])),
};

/** One random mutation of a channel table's bytes; returns the strategy used. */
export function mutateChannelTable(bytes: Uint8Array, random: Random): { bytes: Uint8Array; how: string } {
  const utf16 = (original: Uint8Array) => new Uint8Array([0xff, 0xfe, ...Array.from(original).flatMap((b) => [b, 0])]);
  return mutateTextFile(bytes, random, { ...BYTE_MUTATIONS, utf16 }, TEXT_MUTATIONS);
}
