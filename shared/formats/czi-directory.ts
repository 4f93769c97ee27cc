/**
 * The ZISRAW container of a Zeiss CZI file: segments (a 16-byte id, allocated and used sizes,
 * then data), the file header segment at 0, the subblock directory with one variable-length
 * `DV` entry per stored tile, the metadata segment's XML and the attachment directory.
 * Everything is read through the bounded reader with caps on counts and sizes.
 */
import type { BoundedReader } from '../tiff/bounded-reader';
import { asciiz, checkRange, fail, i32, i64 } from './bytes';

/** Most subblock directory entries read from one file. */
export const MAX_SUBBLOCKS = 500_000;
/** Most dimension entries of one subblock. */
const MAX_DIMENSIONS = 32;
/** Most attachment entries read. */
const MAX_ATTACHMENTS = 10_000;
/** Largest metadata XML read, in bytes (UTF-8). */
export const MAX_CZI_XML_BYTES = 32 * 1024 * 1024;

const SEGMENT_HEADER = 32;

/** The file header segment's fields that locate the rest. */
export interface CziFileHeader {
  version: [number, number];
  directoryPosition: number;
  metadataPosition: number;
  attachmentDirectoryPosition: number;
}

/** One subblock directory entry (schema DV), as czifile decodes it. */
export interface CziEntry {
  pixelType: number;
  filePosition: number;
  compression: number;
  pyramidType: number;
  /** Dimension letters in czifile's order (the file's order reversed), mosaic and scene left out, `S` (samples) last. */
  dims: string[];
  start: number[];
  shape: number[];
  storedShape: number[];
  /** Mosaic tile index, -1 when the entry has no M dimension. */
  mosaicIndex: number;
  /** Scene index, -1 when the entry has no S dimension. */
  sceneIndex: number;
}

/** One attachment directory entry (schema A1). */
export interface CziAttachment {
  name: string;
  contentType: string;
  filePosition: number;
}

/** Reads the 32-byte segment header at `offset`; fails unless its id is `expected`. */
function segment(
  reader: BoundedReader,
  offset: number,
  expected: string,
): { dataOffset: number; usedSize: number; allocatedSize: number } {
  const head = reader.bytes(offset, SEGMENT_HEADER, () => `${expected} segment header`);
  const id = asciiz(head.subarray(0, 16));
  if (id !== expected) fail(`expected a ${expected} segment at ${offset}, found "${id.slice(0, 16)}"`);
  return { dataOffset: offset + SEGMENT_HEADER, allocatedSize: i64(head, 16), usedSize: i64(head, 24) };
}

/** Reads the file header segment at offset 0. */
export function readCziFileHeader(reader: BoundedReader): CziFileHeader {
  const { dataOffset } = segment(reader, 0, 'ZISRAWFILE');
  const data = reader.bytes(dataOffset, 80, 'the CZI file header');
  return {
    version: [i32(data, 0), i32(data, 4)],
    directoryPosition: i64(data, 52),
    metadataPosition: i64(data, 60),
    attachmentDirectoryPosition: i64(data, 72),
  };
}

/** Pixel type number → numpy dtype and samples per pixel (czifile's table; unknown reads as uint8). */
export const CZI_PIXEL_TYPES: Readonly<Record<number, readonly [string, number, string]>> = {
  0: ['uint8', 1, 'Gray8'],
  1: ['uint16', 1, 'Gray16'],
  2: ['float32', 1, 'Gray32Float'],
  3: ['uint8', 3, 'Bgr24'],
  4: ['uint16', 3, 'Bgr48'],
  8: ['float32', 3, 'Bgr96Float'],
  9: ['uint8', 4, 'Bgra32'],
  10: ['complex64', 1, 'Gray64ComplexFloat'],
  11: ['complex64', 3, 'Bgr192ComplexFloat'],
  12: ['int32', 1, 'Gray32'],
  13: ['float64', 1, 'Gray64'],
};

/** dtype and samples of a pixel type. */
export function pixelType(value: number): { dtype: string; samples: number } {
  const known = CZI_PIXEL_TYPES[value];
  return known === undefined ? { dtype: 'uint8', samples: 1 } : { dtype: known[0], samples: known[1] };
}

/** The name a preview uses for a CZI compression number. */
export function cziCompression(value: number): string {
  const names: Record<number, string> = {
    0: 'none',
    1: 'jpeg',
    2: 'lzw',
    3: 'jpeg-lossless',
    4: 'jpegxr',
    5: 'zstd',
    6: 'zstd-hdr',
  };
  if (names[value] !== undefined) return names[value];
  if (value >= 100 && value < 1000) return `camera-raw-${value}`;
  if (value >= 1000) return `system-raw-${value}`;
  return `unknown-${value}`;
}

/** Decodes one DV entry at `offset`; returns it and its size in bytes. */
function readEntry(reader: BoundedReader, offset: number): { entry: CziEntry; size: number } {
  const head = reader.bytes(offset, 32, 'a subblock directory entry');
  if (head[0] !== 0x44 || head[1] !== 0x56) fail(`subblock directory entry at ${offset} is not of schema DV`);
  const count = checkRange(i32(head, 28), 0, MAX_DIMENSIONS, `dimension count of the subblock entry at ${offset}`);
  const dims = reader.bytes(offset + 32, count * 20, 'subblock dimension entries');
  const entry: CziEntry = {
    pixelType: i32(head, 2),
    filePosition: i64(head, 6),
    compression: i32(head, 18),
    pyramidType: head[22] as number,
    dims: [],
    start: [],
    shape: [],
    storedShape: [],
    mosaicIndex: -1,
    sceneIndex: -1,
  };
  for (let j = count - 1; j >= 0; j--) {
    const at = j * 20;
    const name = asciiz(dims.subarray(at, at + 4));
    const start = i32(dims, at + 4);
    const size = i32(dims, at + 8);
    const stored = i32(dims, at + 16);
    if (name !== 'M' && name !== 'S' && (size < 1 || stored < 0))
      fail(`subblock entry at ${offset}: dimension ${name} has size ${size} (stored ${stored})`);
    if (name === 'M') entry.mosaicIndex = start;
    else if (name === 'S') entry.sceneIndex = start;
    else {
      entry.dims.push(name);
      entry.start.push(start);
      entry.shape.push(size);
      entry.storedShape.push(stored === 0 ? size : stored);
    }
  }
  const samples = pixelType(entry.pixelType).samples;
  entry.dims.push('S');
  entry.start.push(0);
  entry.shape.push(samples);
  entry.storedShape.push(samples);
  return { entry, size: 32 + count * 20 };
}

/** Reads the subblock directory segment. */
export function readCziDirectory(reader: BoundedReader, position: number): CziEntry[] {
  if (position <= 0) fail('the CZI file has no subblock directory');
  const { dataOffset } = segment(reader, position, 'ZISRAWDIRECTORY');
  const count = checkRange(
    i32(reader.bytes(dataOffset, 4, 'the subblock count'), 0),
    0,
    MAX_SUBBLOCKS,
    'subblock count',
  );
  const entries: CziEntry[] = [];
  let offset = dataOffset + 128;
  for (let i = 0; i < count; i++) {
    const { entry, size } = readEntry(reader, offset);
    entries.push(entry);
    offset += size;
  }
  return entries;
}

/** Reads the metadata segment's XML text ('' when the file has none). */
export function readCziMetadataXml(reader: BoundedReader, position: number): string {
  if (position <= 0) return '';
  const { dataOffset } = segment(reader, position, 'ZISRAWMETADATA');
  const xmlSize = checkRange(
    i32(reader.bytes(dataOffset, 4, 'the metadata XML size'), 0),
    0,
    MAX_CZI_XML_BYTES,
    'metadata XML size',
  );
  return new TextDecoder('utf-8').decode(reader.bytes(dataOffset + 256, xmlSize, 'the metadata XML'));
}

/** Reads the attachment directory ([] when the file has none). */
export function readCziAttachments(reader: BoundedReader, position: number): CziAttachment[] {
  if (position <= 0) return [];
  const { dataOffset } = segment(reader, position, 'ZISRAWATTDIR');
  const count = checkRange(
    i32(reader.bytes(dataOffset, 4, 'the attachment count'), 0),
    0,
    MAX_ATTACHMENTS,
    'attachment count',
  );
  const body = reader.bytes(dataOffset + 256, count * 128, 'the attachment directory');
  const out: CziAttachment[] = [];
  for (let i = 0; i < count; i++) {
    const e = body.subarray(i * 128, (i + 1) * 128);
    if (e[0] !== 0x41 || e[1] !== 0x31) fail(`attachment entry ${i} is not of schema A1`);
    out.push({ filePosition: i64(e, 12), contentType: asciiz(e.subarray(40, 48)), name: asciiz(e.subarray(48, 128)) });
  }
  return out;
}

/**
 * The data of the subblock segment at `segmentOffset`: after the 32-byte segment header come
 * the metadata size, attachment size and data size, the directory entry padded to at least
 * 240 bytes, then the subblock's XML metadata, then the pixels.
 */
export function cziSubblockData(reader: BoundedReader, segmentOffset: number): { offset: number; length: number } {
  const { dataOffset } = segment(reader, segmentOffset, 'ZISRAWSUBBLOCK');
  const head = reader.bytes(dataOffset, 48, 'the subblock header');
  const metadataSize = checkRange(i32(head, 0), 0, MAX_CZI_XML_BYTES, 'subblock metadata size');
  const dataSize = i64(head, 8);
  const dimensions = checkRange(i32(head, 16 + 28), 0, MAX_DIMENSIONS, 'subblock dimension count');
  const offset = dataOffset + 16 + Math.max(240, 32 + dimensions * 20) + metadataSize;
  reader.check(offset, dataSize, 'the subblock pixel data');
  return { offset, length: dataSize };
}
