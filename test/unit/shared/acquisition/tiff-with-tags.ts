/**
 * Test helper: a little-endian 4 × 4 uint8 TIFF whose first page carries the given extra tags
 * (ASCII text or rationals), for files no microscope wrote: hostile or contradictory metadata.
 */

/** An extra tag: ASCII text, or [numerator, denominator] rationals, or a SHORT. */
export type ExtraTag =
  { code: number; text: string } | { code: number; rational: [number, number] } | { code: number; short: number };

const ENCODER = new TextEncoder();

/** The TIFF's bytes. */
export function tiffWithTags(tags: ExtraTag[]): Uint8Array {
  const base: ExtraTag[] = [
    { code: 256, short: 4 },
    { code: 257, short: 4 },
    { code: 258, short: 8 },
    { code: 273, short: 0 }, // patched below: the strip's offset
    { code: 278, short: 4 },
    { code: 279, short: 16 },
  ];
  const entries = [...base, ...tags].sort((a, b) => a.code - b.code);
  const ifdAt = 8;
  const ifdSize = 2 + entries.length * 12 + 4;
  const payloads: Uint8Array[] = [];
  let dataAt = ifdAt + ifdSize;
  const placed = entries.map((tag) => {
    if ('short' in tag) return { code: tag.code, type: 3, count: 1, value: tag.short };
    const bytes =
      'text' in tag ? ENCODER.encode(`${tag.text}\0`) : new Uint8Array(new Uint32Array(tag.rational).buffer);
    const at = dataAt;
    payloads.push(bytes);
    dataAt += bytes.length + (bytes.length % 2);
    return { code: tag.code, type: 'text' in tag ? 2 : 5, count: 'text' in tag ? bytes.length : 1, value: at };
  });
  const stripAt = dataAt;
  const out = new Uint8Array(stripAt + 16);
  const view = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]);
  view.setUint32(4, ifdAt, true);
  view.setUint16(ifdAt, placed.length, true);
  placed.forEach(({ code, type, count, value }, i) => {
    const e = ifdAt + 2 + i * 12;
    view.setUint16(e, code, true);
    view.setUint16(e + 2, type, true);
    view.setUint32(e + 4, count, true);
    if (type === 3) view.setUint16(e + 8, code === 273 ? stripAt : value, true);
    else view.setUint32(e + 8, value, true);
  });
  let at = ifdAt + ifdSize;
  for (const bytes of payloads) {
    out.set(bytes, at);
    at += bytes.length + (bytes.length % 2);
  }
  return out;
}
