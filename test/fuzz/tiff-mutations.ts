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
  ifdLoop(bytes, random) {
    const out = bytes.slice();
    const layout = layoutOf(out);
    if (layout === null || layout.ifds.length === 0) return out;
    const from = random.pick(layout.ifds);
    const view = new DataView(out.buffer);
    const count = layout.big ? Number(view.getBigUint64(from, layout.little)) : view.getUint16(from, layout.little);
    putWord(out, entryAt(from, count, layout), random.pick(layout.ifds), layout);
    return out;
  },
  hugeCount(bytes, random) {
    const out = bytes.slice();
    const layout = layoutOf(out);
    if (layout === null || layout.ifds.length === 0) return out;
    const ifd = random.pick(layout.ifds);
    const view = new DataView(out.buffer);
    const count = layout.big ? Number(view.getBigUint64(ifd, layout.little)) : view.getUint16(ifd, layout.little);
    if (random.below(4) === 0) {
      // The IFD's own entry count.
      if (layout.big) putWord(out, ifd, random.pick(HUGE), layout);
      else if (ifd + 2 <= out.length) view.setUint16(ifd, 0xffff, layout.little);
      return out;
    }
    putWord(out, entryAt(ifd, random.below(Math.max(1, count)), layout) + 4, random.pick(HUGE), layout);
    return out;
  },
  wildOffset(bytes, random) {
    const out = bytes.slice();
    const layout = layoutOf(out);
    if (layout === null || layout.ifds.length === 0) return out;
    const ifd = random.pick(layout.ifds);
    const view = new DataView(out.buffer);
    const count = layout.big ? Number(view.getBigUint64(ifd, layout.little)) : view.getUint16(ifd, layout.little);
    const value = random.pick([0, 1, out.length - 1, out.length, out.length + 1, ...HUGE, random.below(out.length)]);
    putWord(out, entryAt(ifd, random.below(Math.max(1, count)), layout) + (layout.big ? 12 : 8), value, layout);
    return out;
  },
  wildType(bytes, random) {
    const out = bytes.slice();
    const layout = layoutOf(out);
    if (layout === null || layout.ifds.length === 0) return out;
    const ifd = random.pick(layout.ifds);
    const at = entryAt(ifd, random.below(8), layout) + 2;
    if (at + 2 <= out.length) new DataView(out.buffer).setUint16(at, random.pick([0, 2, 5, 7, 12, 13, 16, 17, 18, 19, 0xffff]), layout.little);
    return out;
  },
};

/** One random mutation of `bytes`, sometimes two stacked; returns the strategy names used. */
export function mutateTiff(bytes: Uint8Array, random: Random): { bytes: Uint8Array; how: string } {
  const names = Object.keys(TIFF_MUTATIONS);
  let out = bytes;
  const used: string[] = [];
  for (let i = random.below(3) === 0 ? 2 : 1; i > 0; i--) {
    const name = random.pick(names);
    out = (TIFF_MUTATIONS[name] as (b: Uint8Array, r: Random) => Uint8Array)(out, random);
    used.push(name);
  }
  return { bytes: out, how: used.join('+') };
}
