/**
 * Mutations of TIFF files for the fuzz run: truncations, bit flips, IFD loops, huge counts and
 * offsets, each aimed at the structures the header reader walks.
 */
import type { Random } from './random';

/** Where the IFDs of the main chain are and how numbers are written. */
interface Layout {
  little: boolean;
  big: boolean;
  ifds: number[];
}

function layoutOf(bytes: Uint8Array): Layout | null {
  if (bytes.length < 16) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = bytes[0] === 0x49;
  const big = view.getUint16(2, little) === 43;
  const ifds: number[] = [];
  let offset = big ? Number(view.getBigUint64(8, little)) : view.getUint32(4, little);
  while (offset > 0 && offset + (big ? 8 : 2) <= bytes.length && ifds.length < 64 && !ifds.includes(offset)) {
    ifds.push(offset);
    const count = big ? Number(view.getBigUint64(offset, little)) : view.getUint16(offset, little);
    const next = offset + (big ? 8 + count * 20 : 2 + count * 12);
    if (next + (big ? 8 : 4) > bytes.length) break;
    offset = big ? Number(view.getBigUint64(next, little)) : view.getUint32(next, little);
  }
  return { little, big, ifds };
}

/** Writes a file offset or count field (4 bytes, or 8 in a BigTIFF) if it fits. */
function putWord(bytes: Uint8Array, at: number, value: number, layout: Layout): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (layout.big) {
    if (at + 8 <= bytes.length) view.setBigUint64(at, BigInt(value), layout.little);
  } else if (at + 4 <= bytes.length) {
    view.setUint32(at, value >>> 0, layout.little);
  }
}

/** Offset of entry `index` of the IFD at `ifd`. */
function entryAt(ifd: number, index: number, layout: Layout): number {
  return layout.big ? ifd + 8 + index * 20 : ifd + 2 + index * 12;
}

const HUGE = [0xffffffff, 0x7fffffff, 0x10000000, 0xfffffff0, 1 << 24];

/** One IFD of the main chain, picked at random, and its entry count. */
interface IfdAt {
  layout: Layout;
  ifd: number;
  count: number;
}

/** A copy of `bytes` changed by `change` at a random IFD (unchanged when there is none). */
function inIfd(bytes: Uint8Array, random: Random, change: (out: Uint8Array, at: IfdAt) => void): Uint8Array {
  const out = bytes.slice();
  const layout = layoutOf(out);
  if (layout === null || layout.ifds.length === 0) return out;
  const ifd = random.pick(layout.ifds);
  const view = new DataView(out.buffer);
  const count = layout.big ? Number(view.getBigUint64(ifd, layout.little)) : view.getUint16(ifd, layout.little);
  change(out, { layout, ifd, count });
  return out;
}

/** The mutation strategies, by name (the name is reported with a failing case). */
export const TIFF_MUTATIONS: Record<string, (bytes: Uint8Array, random: Random) => Uint8Array> = {
  truncate: (bytes, random) => bytes.slice(0, random.below(bytes.length)),
  flipBits(bytes, random) {
    const out = bytes.slice();
    for (let i = 1 + random.below(8); i > 0; i--) {
      const at = random.below(out.length);
      out[at] = (out[at] as number) ^ (1 << random.below(8));
    }
    return out;
  },
  flipHeaderBits(bytes, random) {
    // Most structure lives in the first few hundred bytes: aim there.
    const out = bytes.slice();
    const at = random.below(Math.min(out.length, 512));
    out[at] = (out[at] as number) ^ (1 << random.below(8));
    return out;
  },
  ifdLoop: (bytes, random) =>
    inIfd(bytes, random, (out, at) => {
      putWord(out, entryAt(at.ifd, at.count, at.layout), random.pick(at.layout.ifds), at.layout);
    }),
  hugeCount: (bytes, random) =>
    inIfd(bytes, random, (out, at) => {
      if (random.below(4) !== 0) {
        putWord(out, entryAt(at.ifd, random.below(Math.max(1, at.count)), at.layout) + 4, random.pick(HUGE), at.layout);
      } else if (at.layout.big) {
        putWord(out, at.ifd, random.pick(HUGE), at.layout); // the IFD's own entry count
      } else if (at.ifd + 2 <= out.length) {
        new DataView(out.buffer).setUint16(at.ifd, 0xffff, at.layout.little);
      }
    }),
  wildOffset: (bytes, random) =>
    inIfd(bytes, random, (out, at) => {
      const value = random.pick([0, 1, out.length - 1, out.length, out.length + 1, ...HUGE, random.below(out.length)]);
      putWord(
        out,
        entryAt(at.ifd, random.below(Math.max(1, at.count)), at.layout) + (at.layout.big ? 12 : 8),
        value,
        at.layout,
      );
    }),
  wildType: (bytes, random) =>
    inIfd(bytes, random, (out, at) => {
      const where = entryAt(at.ifd, random.below(8), at.layout) + 2;
      if (where + 2 <= out.length)
        new DataView(out.buffer).setUint16(
          where,
          random.pick([0, 2, 5, 7, 12, 13, 16, 17, 18, 19, 0xffff]),
          at.layout.little,
        );
    }),
};

/** One random mutation from `table` applied to `bytes`, sometimes two stacked; returns the strategy names used. */
export function mutateWith(
  table: Record<string, (bytes: Uint8Array, random: Random) => Uint8Array>,
  bytes: Uint8Array,
  random: Random,
): { bytes: Uint8Array; how: string } {
  const names = Object.keys(table);
  let out = bytes;
  const used: string[] = [];
  for (let i = random.below(3) === 0 ? 2 : 1; i > 0; i--) {
    const name = random.pick(names);
    out = (table[name] as (b: Uint8Array, r: Random) => Uint8Array)(out, random);
    used.push(name);
  }
  return { bytes: out, how: used.join('+') };
}

/** One random mutation of a TIFF, sometimes two stacked. */
export function mutateTiff(bytes: Uint8Array, random: Random): { bytes: Uint8Array; how: string } {
  return mutateWith(TIFF_MUTATIONS, bytes, random);
}
