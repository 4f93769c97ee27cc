/**
 * The last check of a written OME-TIFF, once every plane has been read back: every IFD of the
 * file (the chain and each one's SubIFDs), read from disk through the project's own TIFF reader,
 * must point at exactly the blocks that were read back and checksummed, and no two blocks may share a
 * byte (a later write landing on a plane already read back would otherwise go unseen). No pixel
 * is read again.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { COMPRESSION_CODE, type ArchivalPixels } from '../../../shared/ome-tiff';
import { openTiff, readDataLayout, type ByteSource, type TiffFile, type TiffPage } from '../../../shared/tiff';
import type { WrittenLevel, WrittenPlane } from './read-back';

/** A block's place in the file, and whose it is. */
interface Extent {
  offset: number;
  bytes: number;
  owner: string;
}

/** Throws, naming the level, unless `page` is `level` of `plane` and points at exactly its blocks. */
function checkPage(page: TiffPage, level: WrittenLevel, plane: WrittenPlane, where: string, file: TiffFile): void {
  const { size, grid } = level;
  const shape = `${page.imageWidth}×${page.imageLength}`;
  if (shape !== `${size.width}×${size.height}`)
    throw new Error(`${where} reads back as ${shape}, not ${size.width}×${size.height}`);
  const blockShape = grid.tiled ? [page.tileWidth, page.tileLength] : [0, Math.min(page.rowsPerStrip, size.height)];
  const wanted = grid.tiled ? [grid.width, grid.height] : [0, grid.height];
  if (page.compression !== COMPRESSION_CODE[plane.compression] || blockShape.join() !== wanted.join()) {
    throw new Error(`${where}'s compression or blocks are not those written`);
  }
  const layout = readDataLayout(file.reader, file.format, page);
  if (layout.offsets.join() !== level.offsets.join() || layout.byteCounts.join() !== level.byteCounts.join()) {
    throw new Error(`${where} points at blocks other than those read back`);
  }
}

/** Throws unless no byte of the file belongs to two blocks. */
function checkNoSharedBytes(extents: Extent[]): void {
  extents.sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < extents.length; i++) {
    const before = extents[i - 1] as Extent;
    const block = extents[i] as Extent;
    if (block.offset < before.offset + before.bytes) {
      throw new Error(`${block.owner} and ${before.owner} share bytes at offset ${block.offset}`);
    }
  }
}

/**
 * Throws, naming the plane or level, unless the file at `path` holds `pixels` as exactly the
 * pages of `planes` (as written and read back), and no two of their blocks share a byte.
 */
export function verifyOmeTiff(path: string, pixels: ArchivalPixels, planes: readonly WrittenPlane[]): void {
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
    if (file.pageCount !== planes.length) {
      throw new Error(`the written file holds ${file.pageCount} planes, not ${planes.length}`);
    }
    const extents: Extent[] = [];
    planes.forEach((plane, index) => {
      const page = file.page(index);
      if (page.dtype !== pixels.dtype || page.samplesPerPixel !== pixels.samples) {
        throw new Error(`${plane.name} reads back as ${page.samplesPerPixel} × ${page.dtype ?? 'unknown'}`);
      }
      if (page.subIfds.length !== plane.levels.length - 1) {
        throw new Error(`${plane.name} has ${page.subIfds.length} reduced levels, not ${plane.levels.length - 1}`);
      }
      const pages = [page, ...page.subIfds.map((at) => file.pageAt(at))];
      plane.levels.forEach((level, k) => {
        const where = k === 0 ? plane.name : `${plane.name}'s reduced level ${k}`;
        checkPage(pages[k] as TiffPage, level, plane, where, file);
        level.offsets.forEach((offset, i) =>
          extents.push({ offset, bytes: level.byteCounts[i] ?? 0, owner: `${where}'s block ${i}` }),
        );
      });
    });
    checkNoSharedBytes(extents);
  } finally {
    closeSync(fd);
  }
}
