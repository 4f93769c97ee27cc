/**
 * A `ZarrStore` over a zipped store (`x.ome.zarr.zip`, as zarr-python's ZipStore and
 * CloudScope write them: the store's keys at the zip's root, stored or deflated). The central
 * directory (`zip-directory.ts`) is read at the first key asked for; a key's bytes are read from
 * the file only then, within what the caller may take, a deflated entry inflated no further than
 * the size the directory declares and checked by its CRC-32. An entry whose local header names
 * another file, an encrypted entry, another compression, and a deflated entry that claims more
 * compressed bytes than deflate can need are refused with the reason.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { NgffReadError, type ByteRange } from '../../../shared/ngff/types';
import type { ByteSource } from '../../../shared/tiff';
import { boundedRange, SyncZarrStore } from './sync-zarr-store';
import { readZipDirectory, zipReader, type ZipDirectory, type ZipEntry } from './zip-directory';

/**
 * Most bytes inflated for ranges of deflated entries (a range needs the entry inflated whole)
 * by one store: a plane's preview opens its own, so this bounds one preview's work.
 */
const MAX_INFLATED_FOR_RANGES = 256 * 1024 * 1024;
const LOCAL_HEADER = 30;
const LOCAL_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED_FLAG = 1;

/** The most bytes deflate writes for `size` bytes: stored blocks as small as 16 KiB, 5 bytes each, and a margin. */
function deflateBound(size: number): number {
  return size + 5 * Math.ceil(size / 16384) + 64;
}

/** The keys of a zipped store, read through `source` (an open file of the zip). */
export class ZipZarrStore extends SyncZarrStore {
  private directory: ZipDirectory | null = null;
  /** The last deflated entry inflated for a range (a shard's index, then its chunks), by its offset. */
  private lastInflated: { localOffset: number; bytes: Uint8Array } | null = null;
  private inflatedForRanges = 0;

  constructor(private readonly source: ByteSource) {
    super();
  }

  /** A range of a stored entry is read as it lies; of a deflated one, cut (copied) from the inflated entry. */
  protected readKey(key: string, maxBytes: number, range?: ByteRange): Uint8Array | null {
    this.directory ??= readZipDirectory(this.source);
    const entry = this.directory.entries.get(key);
    if (entry === undefined) return null;
    if ((entry.flags & ENCRYPTED_FLAG) !== 0) throw new NgffReadError(`${key} is encrypted in the zip`);
    if (entry.method !== STORED && entry.method !== DEFLATED)
      throw new NgffReadError(`${key} is compressed in the zip by method ${entry.method}, not stored or deflated`);
    const { start, length } = boundedRange(entry.size, range, key, maxBytes);
    const dataAt = this.dataOffset(key, entry, this.directory.dataEnd);
    if (entry.method === STORED) {
      if (entry.compressedSize !== entry.size) throw new NgffReadError(`${key}: stored with two different sizes`);
      if (range !== undefined) return this.source.read(dataAt + start, length);
      return checkedCrc(key, entry, this.source.read(dataAt, entry.size));
    }
    if (entry.compressedSize > deflateBound(entry.size))
      throw new NgffReadError(`${key}: ${entry.compressedSize} bytes deflated, more than ${entry.size} bytes need`);
    if (range === undefined) return this.inflate(key, entry, dataAt);
    // a copy (a Buffer's slice would be a view): the inflated entry is not kept alive by its parts
    return new Uint8Array(this.inflatedForRange(key, entry, dataAt).subarray(start, start + length));
  }

  /** A deflated entry inflated whole for a range, the last one kept for the next range of it. */
  private inflatedForRange(key: string, entry: ZipEntry, dataAt: number): Uint8Array {
    if (this.lastInflated?.localOffset === entry.localOffset) return this.lastInflated.bytes;
    this.inflatedForRanges += entry.size;
    if (this.inflatedForRanges > MAX_INFLATED_FOR_RANGES)
      throw new NgffReadError(`${key}: more than ${MAX_INFLATED_FOR_RANGES} bytes inflated to read parts of entries`);
    this.lastInflated = null;
    const bytes = this.inflate(key, entry, dataAt);
    this.lastInflated = { localOffset: entry.localOffset, bytes };
    return bytes;
  }

  private inflate(key: string, entry: ZipEntry, dataAt: number): Uint8Array {
    return checkedCrc(key, entry, inflated(key, this.source.read(dataAt, entry.compressedSize), entry.size));
  }

  /** Where an entry's bytes begin: after its local header, which must name it, and before the directory. */
  private dataOffset(key: string, entry: ZipEntry, dataEnd: number): number {
    const nameAt = entry.localOffset + LOCAL_HEADER;
    if (nameAt + entry.nameBytes.length > dataEnd)
      throw new NgffReadError(`${key}: its local header lies outside the zip`);
    const header = this.source.read(entry.localOffset, LOCAL_HEADER + entry.nameBytes.length);
    const read = zipReader(header);
    if (read.u32(0) !== LOCAL_SIGNATURE) throw new NgffReadError(`${key}: no local header where the directory says`);
    if (read.u16(26) !== entry.nameBytes.length || !sameBytes(header.subarray(LOCAL_HEADER), entry.nameBytes))
      throw new NgffReadError(`${key}: its local header names another file`);
    const dataAt = nameAt + read.u16(26) + read.u16(28);
    if (dataAt + entry.compressedSize > dataEnd)
      throw new NgffReadError(`${key}: its bytes run into the zip's central directory`);
    return dataAt;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** `data` inflated, refused unless it comes to exactly `size` bytes. */
function inflated(key: string, data: Uint8Array, size: number): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
  } catch (error) {
    const tooLarge = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    throw new NgffReadError(
      tooLarge ? `${key} inflates to more than the ${size} bytes declared` : `${key} does not inflate: damaged`,
    );
  }
  if (bytes.length !== size)
    throw new NgffReadError(`${key} inflates to ${bytes.length} bytes, not the ${size} declared`);
  return bytes;
}

/** `bytes` when their CRC-32 is the one the directory declares. */
function checkedCrc(key: string, entry: ZipEntry, bytes: Uint8Array): Uint8Array {
  if (crc32(bytes) >>> 0 !== entry.crc) throw new NgffReadError(`${key}: its bytes fail the zip's CRC-32 check`);
  return bytes;
}
