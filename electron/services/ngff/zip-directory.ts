/**
 * A zip's central directory, read within bounds: where it lies (the end record, ZIP64 when the
 * zip needs it) and its file entries by name. Anything a zip writer would not write is refused
 * with the reason: two end records that could both be the zip's, a zip over several disks, a
 * directory larger than the bound or outside the file, two entries of one name, a damaged entry.
 */
import { NgffReadError } from '../../../shared/ngff/types';
import type { ByteSource } from '../../../shared/tiff';

/** Most bytes of a central directory read: some 300,000 entries, within a scan worker's heap. */
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;
/** The end record's size without its comment, and the longest comment it may carry. */
const END_RECORD = 22;
const MAX_COMMENT = 0xffff;
const LOCATOR = 20;
const END_RECORD_64 = 56;

const SIGNATURE = { end: 0x06054b50, end64: 0x06064b50, locator64: 0x07064b50, central: 0x02014b50 };

/** One file of the zip, as its central directory entry declares it. */
export interface ZipEntry {
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** The name's bytes, as the local header must repeat them. */
  nameBytes: Uint8Array;
}

/** The file entries of a zip by name, and where its directory begins (no entry's bytes reach it). */
export interface ZipDirectory {
  entries: ReadonlyMap<string, ZipEntry>;
  dataEnd: number;
}

/** Little-endian reads from `bytes`, refusing any past their end and 64-bit values past 2^53. */
export function zipReader(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const inside = (at: number, size: number): number => {
    if (at < 0 || at + size > bytes.length) throw new NgffReadError('zip: a record runs past its end');
    return at;
  };
  return {
    u16: (at: number) => view.getUint16(inside(at, 2), true),
    u32: (at: number) => view.getUint32(inside(at, 4), true),
    u64(at: number): number {
      const value = view.getUint32(inside(at, 8), true) + view.getUint32(at + 4, true) * 2 ** 32;
      if (!Number.isSafeInteger(value)) throw new NgffReadError('zip: a size or offset past 2^53');
      return value;
    },
  };
}

/** Where the end record lies in `tail` (the file's last bytes): the one whose comment ends the file. */
function endRecordIn(tail: Uint8Array): number {
  const read = zipReader(tail);
  const found: number[] = [];
  for (let at = tail.length - END_RECORD; at >= 0; at--) {
    if (read.u32(at) === SIGNATURE.end && at + END_RECORD + read.u16(at + 20) === tail.length) found.push(at);
  }
  if (found.length === 0) throw new NgffReadError('zip: no end of central directory (not a zip file, or cut short)');
  // one hidden in the other's comment: readers would disagree on which zip this is
  if (found.length > 1) throw new NgffReadError('zip: two end records, each of which could be the zip’s');
  return found[0] as number;
}

/** Where the central directory lies and how many entries it declares. */
function findDirectory(source: ByteSource): { offset: number; size: number; count: number } {
  const tailLength = Math.min(source.size, END_RECORD + MAX_COMMENT);
  const tailStart = source.size - tailLength;
  const tail = source.read(tailStart, tailLength);
  const at = endRecordIn(tail);
  const read = zipReader(tail);
  if (read.u16(at + 4) !== 0 || read.u16(at + 6) !== 0) throw new NgffReadError('zip: split over several disks');
  let [count, size, offset] = [read.u16(at + 10), read.u32(at + 12), read.u32(at + 16)];
  let end = tailStart + at;
  const locatorAt = end - LOCATOR;
  const hasLocator = locatorAt >= 0 && zipReader(source.read(locatorAt, 4)).u32(0) === SIGNATURE.locator64;
  if (hasLocator) {
    const recordAt = zipReader(source.read(locatorAt, LOCATOR)).u64(8);
    if (recordAt + END_RECORD_64 > locatorAt) throw new NgffReadError('zip: ZIP64 end record outside the file');
    const record = zipReader(source.read(recordAt, END_RECORD_64));
    if (record.u32(0) !== SIGNATURE.end64) throw new NgffReadError('zip: ZIP64 end record not where its locator says');
    [count, size, offset] = [record.u64(32), record.u64(40), record.u64(48)];
    end = recordAt;
  } else if (size === 0xffffffff || offset === 0xffffffff) {
    // a count of exactly 65,535 is written as it is, without ZIP64
    throw new NgffReadError('zip: ZIP64 locator missing');
  }
  if (size > MAX_DIRECTORY_BYTES)
    throw new NgffReadError(`zip: central directory of ${size} bytes, more than the ${MAX_DIRECTORY_BYTES} read`);
  if (offset + size > end) throw new NgffReadError('zip: central directory outside the file');
  return { offset, size, count };
}

/** The ZIP64 extra field's values, for those of `wanted` the entry marks 0xFFFFFFFF. */
function zip64Values(extra: Uint8Array, wanted: boolean[]): number[] {
  const read = zipReader(extra);
  for (let at = 0; at + 4 <= extra.length; at += 4 + read.u16(at + 2)) {
    if (read.u16(at) !== 0x0001) continue;
    const end = at + 4 + read.u16(at + 2);
    if (end > extra.length) throw new NgffReadError('zip: ZIP64 extra field runs past its entry');
    const values: number[] = [];
    let field = at + 4;
    for (const want of wanted) {
      if (!want) continue;
      if (field + 8 > end) throw new NgffReadError('zip: ZIP64 extra field too short');
      values.push(read.u64(field));
      field += 8;
    }
    return values;
  }
  throw new NgffReadError('zip: an entry needs a ZIP64 extra field it lacks');
}

/** Reads the central directory of the zip `source` holds: its file entries (folders left out) by name. */
export function readZipDirectory(source: ByteSource): ZipDirectory {
  const directory = findDirectory(source);
  const bytes = source.read(directory.offset, directory.size);
  const read = zipReader(bytes);
  const names = new TextDecoder();
  const entries = new Map<string, ZipEntry>();
  let at = 0;
  for (let i = 0; i < directory.count; i++) {
    if (at + 46 > bytes.length || read.u32(at) !== SIGNATURE.central)
      throw new NgffReadError(`zip: central directory entry ${i} is damaged`);
    const [nameLength, extraLength, commentLength] = [read.u16(at + 28), read.u16(at + 30), read.u16(at + 32)];
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > bytes.length) throw new NgffReadError(`zip: central directory entry ${i} runs past the directory`);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = names.decode(nameBytes);
    let [compressedSize, size, localOffset] = [read.u32(at + 20), read.u32(at + 24), read.u32(at + 42)];
    const wide = [size === 0xffffffff, compressedSize === 0xffffffff, localOffset === 0xffffffff];
    if (wide.some(Boolean)) {
      const values = zip64Values(bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), wide);
      if (wide[0]) size = values.shift() as number;
      if (wide[1]) compressedSize = values.shift() as number;
      if (wide[2]) localOffset = values.shift() as number;
    }
    if (!name.endsWith('/')) {
      if (entries.has(name)) throw new NgffReadError(`zip: two entries named ${JSON.stringify(name)}`);
      const [method, flags, crc] = [read.u16(at + 10), read.u16(at + 8), read.u32(at + 16)];
      entries.set(name, { method, flags, crc, compressedSize, size, localOffset, nameBytes });
    }
    at = next;
  }
  return { entries, dataEnd: directory.offset };
}
