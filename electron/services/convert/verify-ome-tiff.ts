/**
 * Reads a written OME-TIFF back from disk, its IFDs through the project's own TIFF reader and
 * its blocks through the bounded decoders (not the writer's memory), and checks every level of
 * every plane (full resolution and each reduced level) against the size and SHA-256 written.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { dtypeBytes, type ArchivalPixels, type LevelSize } from '../../../shared/ome-tiff';
import { openTiff, readDataLayout, type ByteSource, type TiffFile, type TiffPage } from '../../../shared/tiff';
import { decodeDeflate, decodeLzw } from '../tiff';

/** What the file should hold: the size of every level, and per plane each level's SHA-256 (hex), full resolution first. */
export interface ExpectedOmeTiff {
  pixels: ArchivalPixels;
  levelHashes: readonly (readonly string[])[];
  levels: readonly LevelSize[];
}

/** The block (tile or strip) decoded, `capacity` bytes at most. */
function decodeBlock(compression: number, data: Uint8Array, capacity: number): Uint8Array {
  if (compression === 1) return data;
  if (compression === 5) return decodeLzw(data, capacity);
  if (compression === 8) return decodeDeflate(data, capacity);
  throw new Error(`unexpected compression ${compression}`);
}

/** The SHA-256 of a page's samples in row order, decoded from its tiles or strips on disk. */
function pageHash(file: TiffFile, source: ByteSource, page: TiffPage, pixelBytes: number): string {
  const hash = createHash('sha256');
  const { offsets, byteCounts } = readDataLayout(file.reader, file.format, page);
  const rowBytes = page.imageWidth * pixelBytes;
  const block = (i: number, capacity: number): Uint8Array => {
    const data = source.read(offsets[i] ?? 0, byteCounts[i] ?? 0);
    const bytes = decodeBlock(page.compression, data, capacity);
    if (bytes.length < capacity) throw new Error(`block ${i} decodes to ${bytes.length} bytes, not ${capacity}`);
    return bytes;
  };
  if (page.tileWidth > 0) {
    const across = Math.ceil(page.imageWidth / page.tileWidth);
    const tileRow = page.tileWidth * pixelBytes;
    for (let down = 0; down * page.tileLength < page.imageLength; down++) {
      const tiles = Array.from({ length: across }, (_, x) => block(down * across + x, tileRow * page.tileLength));
      const rows = Math.min(page.tileLength, page.imageLength - down * page.tileLength);
      for (let y = 0; y < rows; y++) {
        tiles.forEach((tile, x) =>
          hash.update(tile.subarray(y * tileRow, y * tileRow + Math.min(tileRow, rowBytes - x * tileRow))),
        );
      }
    }
  } else {
    const perStrip = Math.min(page.rowsPerStrip, page.imageLength);
    for (let i = 0; i * perStrip < page.imageLength; i++) {
      const rows = Math.min(perStrip, page.imageLength - i * perStrip);
      hash.update(block(i, rows * rowBytes));
    }
  }
  return hash.digest('hex');
}

/** Where plane `index` lies in C, Z and T, in words. */
function planeName(pixels: ArchivalPixels, index: number): string {
  const c = index % pixels.sizeC;
  const z = Math.floor(index / pixels.sizeC) % pixels.sizeZ;
  const t = Math.floor(index / (pixels.sizeC * pixels.sizeZ));
  return `plane ${index} (C ${c}, Z ${z}, T ${t})`;
}

/** Throws, naming the plane or level, unless the file at `path` holds what `expected` says. */
export function verifyOmeTiff(path: string, expected: ExpectedOmeTiff): void {
  const { pixels, levelHashes, levels } = expected;
  const pixelBytes = pixels.samples * dtypeBytes(pixels.dtype);
  const fd = openSync(path, 'r');
  try {
    const source: ByteSource = {
      size: fstatSync(fd).size,
      read: (offset, length) => {
        const bytes = new Uint8Array(length);
        if (readSync(fd, bytes, 0, length, offset) !== length) throw new Error(`short read at ${offset}`);
        return bytes;
      },
    };
    const { file } = openTiff(source, { acquisition: false });
    if (file.pageCount !== levelHashes.length) {
      throw new Error(`the written file holds ${file.pageCount} planes, not ${levelHashes.length}`);
    }
    levelHashes.forEach((wanted, index) => {
      const page = file.page(index);
      const name = planeName(pixels, index);
      if (page.dtype !== pixels.dtype || page.samplesPerPixel !== pixels.samples) {
        throw new Error(`${name} reads back as ${page.samplesPerPixel} × ${page.dtype ?? 'unknown'}`);
      }
      const pages = [page, ...page.subIfds.map((at) => file.pageAt(at))];
      const sizes = pages.map((p) => `${p.imageWidth}×${p.imageLength}`);
      const sizesWanted = levels.map((level) => `${level.width}×${level.height}`);
      if (sizes.join(' ') !== sizesWanted.join(' ')) {
        throw new Error(`${name}'s levels read back as ${sizes.join(', ')}, not ${sizesWanted.join(', ')}`);
      }
      pages.forEach((level, k) => {
        if (pageHash(file, source, level, pixelBytes) === wanted[k]) return;
        const where = k === 0 ? name : `${name}'s reduced level ${k} (${sizes[k]})`;
        throw new Error(`${where} reads back different from the source`);
      });
    });
  } finally {
    closeSync(fd);
  }
}
