/**
 * The read-back of one written plane from the file being written: each level's blocks read
 * from disk at the offsets the writer gave, decoded through the bounded decoders (not the
 * writer's memory) and checksummed in row order, against the CRC-32 of what was written. A
 * checksum, as zip and PNG keep, is enough to see that the disk holds what was meant (a changed
 * level passes once in 2³²); the identity that is kept is the source's SHA-256 in the OME-XML.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import type { BlockGrid, LevelSize } from '../../../shared/ome-tiff';
import type { ArchivalCompression } from '../../../shared/api-convert';
import { decodeDeflate, decodeLzw } from '../tiff';

/** One level of a plane as written: where its blocks lie, and the CRC-32 of its samples in row order. */
export interface WrittenLevel {
  size: LevelSize;
  grid: BlockGrid;
  offsets: readonly number[];
  byteCounts: readonly number[];
  crc32: number;
}

/** A plane whose blocks and IFD are on disk: full resolution, then each reduced level. */
export interface WrittenPlane {
  index: number;
  /** The plane in words, for errors: `plane 1 (C 1, Z 0, T 0)`. */
  name: string;
  pixelBytes: number;
  compression: ArchivalCompression;
  levels: readonly WrittenLevel[];
}

/** The block decoded, `capacity` bytes at most. */
function decodeBlock(compression: ArchivalCompression, data: Uint8Array, capacity: number): Uint8Array {
  if (compression === 'none') return data;
  if (compression === 'lzw') return decodeLzw(data, capacity);
  return decodeDeflate(data, capacity);
}

/** The CRC-32 of a level's samples in row order, its blocks read by `read(offset, length)`. */
function levelCrc32(
  level: WrittenLevel,
  plane: WrittenPlane,
  read: (offset: number, length: number) => Uint8Array,
): number {
  const { size, grid, offsets, byteCounts } = level;
  let crc = 0;
  const rowBytes = size.width * plane.pixelBytes;
  const block = (i: number, capacity: number): Uint8Array => {
    const bytes = decodeBlock(plane.compression, read(offsets[i] ?? 0, byteCounts[i] ?? 0), capacity);
    if (bytes.length < capacity) throw new Error(`block ${i} decodes to ${bytes.length} bytes, not ${capacity}`);
    return bytes;
  };
  if (offsets.length !== grid.across * grid.down)
    throw new Error(`${offsets.length} blocks, not ${grid.across * grid.down}`);
  const tileRow = grid.width * plane.pixelBytes;
  for (let down = 0; down < grid.down; down++) {
    const rows = Math.min(grid.height, size.height - down * grid.height);
    if (!grid.tiled) {
      crc = crc32(block(down, rows * rowBytes), crc);
      continue;
    }
    const tiles = Array.from({ length: grid.across }, (_, x) => block(down * grid.across + x, tileRow * grid.height));
    for (let y = 0; y < rows; y++) {
      tiles.forEach((tile, x) => {
        crc = crc32(tile.subarray(y * tileRow, y * tileRow + Math.min(tileRow, rowBytes - x * tileRow)), crc);
      });
    }
  }
  return crc;
}

/** Bytes read at once from the file, in one read, when a plane's blocks lie within them. */
const SPAN_BYTES = 8 * 1024 * 1024;

/**
 * A reader of `plane`'s blocks from the open file `fd`: a plane whose blocks lie within a few MiB
 * is read in one read (small planes by the thousand would otherwise cost a read per block).
 */
function planeReader(fd: number, plane: WrittenPlane): (offset: number, length: number) => Uint8Array {
  const readAt = (offset: number, length: number): Uint8Array => {
    const bytes = new Uint8Array(length);
    if (readSync(fd, bytes, 0, length, offset) !== length) throw new Error(`short read at ${offset}`);
    return bytes;
  };
  let start = Infinity;
  let end = 0;
  for (const { offsets, byteCounts } of plane.levels) {
    offsets.forEach((offset, i) => {
      start = Math.min(start, offset);
      end = Math.max(end, offset + (byteCounts[i] ?? 0));
    });
  }
  if (!(end > start && end - start <= SPAN_BYTES)) return readAt;
  const span = readAt(start, end - start);
  return (offset, length) => span.subarray(offset - start, offset - start + length);
}

/** Throws, naming the plane or level, unless every level of each of `planes` reads back from `path` as written. */
export function readBackPlanes(path: string, planes: readonly WrittenPlane[]): void {
  const fd = openSync(path, 'r');
  try {
    for (const plane of planes) {
      const read = planeReader(fd, plane);
      plane.levels.forEach((level, k) => {
        if (levelCrc32(level, plane, read) === level.crc32) return;
        const where =
          k === 0 ? plane.name : `${plane.name}'s reduced level ${k} (${level.size.width}×${level.size.height})`;
        throw new Error(`${where} reads back different from the source`);
      });
    }
  } finally {
    closeSync(fd);
  }
}
