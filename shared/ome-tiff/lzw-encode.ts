/**
 * TIFF's LZW compression (Compression 5): codes of 9 to 12 bits, most significant bit first,
 * with the "early change" libtiff, geotiff and tifffile decode: the code width grows one code
 * before the table reaches the next power of two. The table is cleared when it would reach 4094.
 */

const CLEAR = 256;
const END = 257;
const FIRST = 258;
const FULL = 4094;

/** One string table for every call: the code of (code, byte) at `code << 8 | byte`, valid when stamped with this clear's generation. */
const SLOTS = 1 << 20;
const stamps = new Int32Array(SLOTS);
const children = new Int16Array(SLOTS);
let generation = 0;

/** Compresses `input` as one TIFF LZW strip or tile. */
export function encodeLzw(input: Uint8Array): Uint8Array {
  // worst case: every byte a 12-bit code, and a clear every 3836 codes
  const out = new Uint8Array(Math.ceil(input.length * 1.6) + 16);
  let pos = 0;
  let bits = 0;
  let held = 0;
  let width = 9;
  let next = FIRST;
  const put = (code: number): void => {
    held = (held << width) | code;
    bits += width;
    while (bits >= 8) {
      bits -= 8;
      out[pos++] = (held >>> bits) & 0xff;
    }
    held &= (1 << bits) - 1;
  };
  const reset = (): void => {
    generation = generation === 0x7fffffff ? 1 : generation + 1;
    if (generation === 1) stamps.fill(0);
    next = FIRST;
  };
  reset();
  put(CLEAR);
  let current = input.length > 0 ? (input[0] as number) : -1;
  for (let i = 1; i < input.length; i++) {
    const byte = input[i] as number;
    const slot = (current << 8) | byte;
    if (stamps[slot] === generation) {
      current = children[slot] as number;
      continue;
    }
    put(current);
    stamps[slot] = generation;
    children[slot] = next;
    next++;
    if (next >= 1 << width && width < 12) width++;
    if (next === FULL) {
      put(CLEAR);
      reset();
      width = 9;
    }
    current = byte;
  }
  if (current >= 0) {
    put(current);
    next++;
    if (next >= 1 << width && width < 12) width++;
  }
  put(END);
  if (bits > 0) out[pos++] = (held << (8 - bits)) & 0xff;
  return out.subarray(0, pos);
}
