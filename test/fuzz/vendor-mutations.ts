/**
 * Mutations of vendor files (CZI, ND2, LIF, OIB) for the fuzz run: truncations, bit flips, and
 * absurd or looping numbers written where these formats keep their counts and offsets (the
 * first sectors, the directory and metadata headers, the ND2 chunk map at the end).
 */
import type { Random } from './random';
import { mutateWith, TIFF_MUTATIONS } from './tiff-mutations';

type Mutation = (bytes: Uint8Array, random: Random) => Uint8Array;

const HUGE = [0xffffffff, 0x7fffffff, 0x10000000, 0xfffffff0, 1 << 24];

/** Writes a 4- or 8-byte little-endian number at `at` if it fits. */
function putWord(out: Uint8Array, at: number, value: number, wide: boolean): void {
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  if (wide && at + 8 <= out.length) view.setBigUint64(at, BigInt(value), true);
  else if (!wide && at + 4 <= out.length) view.setUint32(at, value >>> 0, true);
}

/** A number that is absurd, at an edge of the file, or an offset back into it (a loop). */
function wildValue(out: Uint8Array, random: Random): number {
  return random.pick([
    0,
    1,
    out.length - 1,
    out.length,
    out.length + 1,
    ...HUGE,
    random.below(out.length),
    random.below(Math.min(out.length, 4096)),
  ]);
}

/** The mutation strategies, by name (the name is reported with a failing case). */
export const VENDOR_MUTATIONS: Record<string, Mutation> = {
  truncate: TIFF_MUTATIONS.truncate as Mutation,
  flipBits: TIFF_MUTATIONS.flipBits as Mutation,
  flipHeaderBits(bytes, random) {
    const out = bytes.slice();
    const at = random.below(Math.min(out.length, 1024));
    out[at] = (out[at] as number) ^ (1 << random.below(8));
    return out;
  },
  wildHeadWord(bytes, random) {
    // file headers, directory and metadata segment heads, OLE2 header and first sectors
    const out = bytes.slice();
    putWord(out, random.below(Math.min(out.length, 8192)) & ~3, wildValue(out, random), random.below(2) === 0);
    return out;
  },
  wildTailWord(bytes, random) {
    // the ND2 chunk map and its location live at the end
    const out = bytes.slice();
    putWord(
      out,
      Math.max(0, out.length - 1 - random.below(Math.min(out.length, 4096))),
      wildValue(out, random),
      random.below(2) === 0,
    );
    return out;
  },
  wildWord(bytes, random) {
    const out = bytes.slice();
    putWord(out, random.below(out.length), wildValue(out, random), random.below(2) === 0);
    return out;
  },
};

/** One random mutation of a vendor file, sometimes two stacked. */
export function mutateVendor(bytes: Uint8Array, random: Random): { bytes: Uint8Array; how: string } {
  return mutateWith(VENDOR_MUTATIONS, bytes, random);
}
