/**
 * The bytes of a little-endian TIFF's header and IFDs, classic or BigTIFF: entries sorted by
 * tag, values that do not fit in an entry placed right after the IFD (on an even offset).
 */

/**
 * How a tag's values are stored: `offset` is LONG in a classic TIFF and LONG8 in a BigTIFF;
 * `rational` is numerator and denominator, two LONGs, each pair one value.
 */
export type TagKind = 'ascii' | 'short' | 'long' | 'rational' | 'offset';

/** One tag of an IFD. */
export interface TiffTag {
  code: number;
  kind: TagKind;
  /** Numbers (a rational's as numerator, denominator, …), or the text of an ASCII tag (written with its terminating NUL). */
  values: readonly number[] | string;
}

/** One IFD's bytes and where in them its link to the next IFD lies. */
export interface EncodedIfd {
  bytes: Uint8Array;
  /** Offset of the next-IFD field from the start of `bytes`. */
  nextField: number;
}

const TYPE_CODE: Record<TagKind, [classic: number, big: number]> = {
  ascii: [2, 2],
  short: [3, 3],
  long: [4, 4],
  rational: [5, 5],
  offset: [4, 16],
};
/** Bytes of one value of each field type (that the count counts). */
const TYPE_BYTES: Record<number, number> = { 2: 1, 3: 2, 4: 4, 5: 8, 16: 8 };
/** Bytes of each number a value is written as: a rational is two LONGs. */
const NUMBER_BYTES: Record<number, number> = { ...TYPE_BYTES, 5: 4 };

/** The file header with its first-IFD offset still 0, and where that offset lies. */
export function tiffHeader(bigtiff: boolean): EncodedIfd {
  const bytes = new Uint8Array(bigtiff ? 16 : 8);
  const view = new DataView(bytes.buffer);
  bytes[0] = bytes[1] = 0x49; // "II"
  view.setUint16(2, bigtiff ? 43 : 42, true);
  if (bigtiff) view.setUint16(4, 8, true);
  return { bytes, nextField: bigtiff ? 8 : 4 };
}

/** Writes `value` as an unsigned integer of `size` bytes at `at`. */
export function setUint(view: DataView, at: number, value: number, size: number): void {
  if (size === 8) view.setBigUint64(at, BigInt(value), true);
  else if (size === 4) view.setUint32(at, value, true);
  else if (size === 2) view.setUint16(at, value, true);
  else view.setUint8(at, value);
}

function valueBytes(tag: TiffTag, type: number): Uint8Array {
  if (typeof tag.values === 'string') {
    const text = tag.values;
    const bytes = new Uint8Array(text.length + 1);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      bytes[i] = code < 128 ? code : 0x3f; // ASCII only: anything else as "?"
    }
    return bytes;
  }
  const size = NUMBER_BYTES[type] as number;
  const bytes = new Uint8Array(tag.values.length * size);
  const view = new DataView(bytes.buffer);
  tag.values.forEach((value, i) => setUint(view, i * size, value, size));
  return bytes;
}

/** Encodes an IFD that will lie at file offset `at` (even), its next-IFD link 0. */
export function encodeIfd(tags: readonly TiffTag[], bigtiff: boolean, at: number): EncodedIfd {
  const sorted = [...tags].sort((a, b) => a.code - b.code);
  const [countSize, entrySize, slot] = bigtiff ? [8, 20, 8] : [2, 12, 4];
  const head = countSize + sorted.length * entrySize + slot;
  const encoded = sorted.map((tag) => {
    const type = TYPE_CODE[tag.kind][bigtiff ? 1 : 0];
    return { tag, type, data: valueBytes(tag, type) };
  });
  let size = head;
  for (const { data } of encoded) if (data.length > slot) size += data.length + (data.length % 2);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  setUint(view, 0, sorted.length, countSize);
  let extra = head;
  encoded.forEach(({ tag, type, data }, i) => {
    const entry = countSize + i * entrySize;
    view.setUint16(entry, tag.code, true);
    view.setUint16(entry + 2, type, true);
    setUint(view, entry + 4, data.length / (TYPE_BYTES[type] as number), bigtiff ? 8 : 4);
    const field = entry + (bigtiff ? 12 : 8);
    if (data.length <= slot) {
      bytes.set(data, field);
    } else {
      setUint(view, field, at + extra, slot);
      bytes.set(data, extra);
      extra += data.length + (data.length % 2);
    }
  });
  return { bytes, nextField: head - slot };
}
