/**
 * The first IFD written anew at the end of the file, with some tags set or added, and the
 * file header's link re-pointed to it: the one way this module changes a TIFF. Every other
 * entry is copied byte for byte (its value, inline or at its offset, stays where it is), the new
 * IFD links on to the old one's next IFD, and new values go beside it past the old end. Readers
 * see the old header until the 4 (8 in a BigTIFF) bytes of the link change, and the new one after.
 */
import type { BoundedReader } from '../tiff/bounded-reader';
import { TYPE_SIZES, type TiffFormat } from '../tiff/ifd';
import type { HeaderPatch } from './calibration-model';

/** A tag to set: its field type and count, and its value's bytes in the file's byte order. */
export interface NewTag {
  code: number;
  type: number;
  count: number;
  bytes: Uint8Array;
}

/** Where appended data start: past the old end, on an 8-byte boundary (a TIFF wants words; 8 suits BigTIFF too). */
const ALIGN = 8;

/** Classic TIFF offsets are 32-bit: nothing may lie past 4 GiB. */
const CLASSIC_LIMIT = 2 ** 32;

function aligned(offset: number): number {
  return Math.ceil(offset / ALIGN) * ALIGN;
}

/** Writes `value` as an unsigned integer of `size` bytes at `at`, in the file's byte order. */
export function putUint(view: DataView, at: number, value: number, size: number, littleEndian: boolean): void {
  if (size === 8) view.setBigUint64(at, BigInt(value), littleEndian);
  else if (size === 4) view.setUint32(at, value, littleEndian);
  else if (size === 2) view.setUint16(at, value, littleEndian);
  else view.setUint8(at, value);
}

/** A tag's value bytes from numbers of `type` (SHORT, LONG, RATIONAL as pairs), in the file's byte order. */
export function numberBytes(type: number, values: readonly number[], littleEndian: boolean): Uint8Array {
  const size = type === 5 ? 4 : (TYPE_SIZES[type] as number);
  const bytes = new Uint8Array(values.length * size);
  const view = new DataView(bytes.buffer);
  values.forEach((value, i) => putUint(view, i * size, value, size, littleEndian));
  return bytes;
}

/**
 * The patch that gives the file's first IFD (at `ifdOffset`) the tags `tags`; throws a message
 * when a classic TIFF would grow past 4 GiB.
 */
export function firstIfdPatch(
  reader: BoundedReader,
  format: TiffFormat,
  ifdOffset: number,
  tags: readonly NewTag[],
): HeaderPatch {
  const { bigTiff, littleEndian } = format;
  const [countSize, entrySize, fieldSize] = bigTiff ? [8, 20, 8] : [2, 12, 4];
  const oldCount = reader.uint(ifdOffset, countSize, littleEndian, 'first IFD');
  const oldEntries = reader.bytes(ifdOffset + countSize, oldCount * entrySize, 'first IFD');
  const next = reader.bytes(ifdOffset + countSize + oldCount * entrySize, fieldSize, 'first IFD');
  const entries = new Map<number, Uint8Array>();
  for (let i = 0; i < oldCount; i++) {
    const entry = oldEntries.slice(i * entrySize, (i + 1) * entrySize);
    const code = new DataView(entry.buffer).getUint16(0, littleEndian);
    if (!entries.has(code)) entries.set(code, entry);
  }
  const appendAt = aligned(reader.size);
  const values: { at: number; bytes: Uint8Array }[] = [];
  let end = appendAt;
  for (const tag of tags) {
    const entry = new Uint8Array(entrySize);
    const view = new DataView(entry.buffer);
    view.setUint16(0, tag.code, littleEndian);
    view.setUint16(2, tag.type, littleEndian);
    putUint(view, 4, tag.count, bigTiff ? 8 : 4, littleEndian);
    if (tag.bytes.length <= fieldSize) entry.set(tag.bytes, entrySize - fieldSize);
    else {
      putUint(view, entrySize - fieldSize, end, fieldSize, littleEndian);
      values.push({ at: end, bytes: tag.bytes });
      end = aligned(end + tag.bytes.length);
    }
    entries.set(tag.code, entry);
  }
  const ifdAt = end;
  const codes = [...entries.keys()].sort((a, b) => a - b);
  const ifdEnd = ifdAt + countSize + codes.length * entrySize + fieldSize;
  if (!bigTiff && ifdEnd > CLASSIC_LIMIT)
    throw new Error('its header would end past 4 GiB, where a classic TIFF cannot point (a BigTIFF can)');
  const appended = new Uint8Array(ifdEnd - appendAt);
  for (const { at, bytes } of values) appended.set(bytes, at - appendAt);
  const view = new DataView(appended.buffer);
  putUint(view, ifdAt - appendAt, codes.length, countSize, littleEndian);
  codes.forEach((code, i) =>
    appended.set(entries.get(code) as Uint8Array, ifdAt - appendAt + countSize + i * entrySize),
  );
  appended.set(next, ifdEnd - appendAt - fieldSize);
  const linkAt = bigTiff ? 8 : 4;
  const link = new Uint8Array(fieldSize);
  putUint(new DataView(link.buffer), 0, ifdAt, fieldSize, littleEndian);
  return {
    oldSize: reader.size,
    appendAt,
    appended,
    replaced: [{ offset: linkAt, old: reader.bytes(linkAt, fieldSize, 'file header').slice(), new: link }],
  };
}
