/**
 * The layout of an archival OME-TIFF, as tifffile writes one: planes of 512×512 tiles with
 * SubIFD levels halving until the largest side is under 1,024 (or strips of about 64 KiB and no
 * levels), the tags of each page, and whether the file must be a BigTIFF.
 */
import type { ArchivalCompression } from '../api-convert';
import type { ArchivalDtype, ArchivalPixels } from './archival-types';
import type { TiffTag } from './tiff-ifd';
import { resolutionTags } from './tiff-resolution';

/** Side of a tile. */
export const TILE = 512;
/** A level is reduced again while its largest side is at least this. */
const PYRAMID_ABOVE = 1024;
/** Bytes a strip holds at most (one row when a row is longer). */
const STRIP_BYTES = 64 * 1024;
/** A classic TIFF's offsets end at 4 GiB; the estimate keeps this much room for the IFDs' own bytes. */
export const CLASSIC_LIMIT = 2 ** 32 - 2 ** 24;

/** The Compression tag's value of each archival compression. */
export const COMPRESSION_CODE: Record<ArchivalCompression, number> = { none: 1, zlib: 8, lzw: 5 };

/** Bytes and SampleFormat of each dtype. */
const DTYPE: Record<ArchivalDtype, { bytes: number; format: number }> = {
  uint8: { bytes: 1, format: 1 },
  int8: { bytes: 1, format: 2 },
  uint16: { bytes: 2, format: 1 },
  int16: { bytes: 2, format: 2 },
  uint32: { bytes: 4, format: 1 },
  int32: { bytes: 4, format: 2 },
  float32: { bytes: 4, format: 3 },
  float64: { bytes: 8, format: 3 },
};

/** Bytes of one sample of `dtype`. */
export function dtypeBytes(dtype: ArchivalDtype): number {
  return DTYPE[dtype].bytes;
}

/** A level's size in pixels. */
export interface LevelSize {
  width: number;
  height: number;
}

/**
 * Whether a copy of `width` × `height` planes is tiled and pyramidal when asked to be: only when a
 * plane fills a tile each way. A smaller plane would be one tile mostly of padding (a LIF's
 * 128 × 1 xz line a 512 × 512 tile, 512 times its pixels to compress and read back), and needs no
 * reduced levels to be viewed; it is stored in strips, as `--flat` stores every plane.
 */
export function tilesFit(width: number, height: number): boolean {
  return width >= TILE && height >= TILE;
}

/** Full resolution, then each reduced level (numpy's `plane[::2**k, ::2**k]`). */
export function levelSizes(width: number, height: number, tiled: boolean): LevelSize[] {
  let level = { width, height };
  const levels = [level];
  for (let k = 1; tiled && Math.max(level.width, level.height) >= PYRAMID_ABOVE; k++) {
    level = { width: Math.ceil(width / 2 ** k), height: Math.ceil(height / 2 ** k) };
    levels.push(level);
  }
  return levels;
}

/** The blocks a level is stored in: tiles, or strips of whole rows (width × `height`). */
export interface BlockGrid {
  tiled: boolean;
  width: number;
  height: number;
  across: number;
  down: number;
}

/** How a level of `size` is cut into tiles or strips. */
export function blockGrid(size: LevelSize, pixelBytes: number, tiled: boolean): BlockGrid {
  if (tiled) {
    return {
      tiled,
      width: TILE,
      height: TILE,
      across: Math.ceil(size.width / TILE),
      down: Math.ceil(size.height / TILE),
    };
  }
  const rows = Math.max(1, Math.min(size.height, Math.floor(STRIP_BYTES / (size.width * pixelBytes))));
  return { tiled, width: size.width, height: rows, across: 1, down: Math.ceil(size.height / rows) };
}

/** Whether the file could pass a classic TIFF's 4 GiB: every level of every plane uncompressed, and its IFDs. */
export function needsBigTiff(pixels: ArchivalPixels, tiled: boolean, limit = CLASSIC_LIMIT): boolean {
  const pixelBytes = pixels.samples * dtypeBytes(pixels.dtype);
  const planes = pixels.sizeC * pixels.sizeZ * pixels.sizeT;
  let bytes = 0;
  for (const size of levelSizes(pixels.width, pixels.height, tiled)) {
    const grid = blockGrid(size, pixelBytes, tiled);
    const blocks = grid.across * grid.down;
    // padded tiles, plus each block's offset and byte count, plus the IFD's entries
    bytes += planes * (blocks * (grid.width * grid.height * pixelBytes + 16) + 512);
  }
  return bytes > limit;
}

/** XML made 7-bit ASCII, as TIFF's ASCII tags are: every other character as a character reference (`µ` as `&#181;`). */
export function asciiXml(xml: string): string {
  let out = '';
  for (const char of xml) {
    const code = char.codePointAt(0) as number;
    out += code < 128 ? char : `&#${code};`;
  }
  return out;
}

/** What one page's tags say besides the pixels' type. */
export interface PageFacts {
  size: LevelSize;
  grid: BlockGrid;
  compression: ArchivalCompression;
  reduced: boolean;
  offsets: readonly number[];
  byteCounts: readonly number[];
  /** SubIFD offsets of a full-resolution page with reduced levels. */
  subIfds?: readonly number[];
  /** This level's pixel size in µm (written as TIFF's resolution tags); null or absent when unknown. */
  pixelSizeUm?: { x: number; y: number } | null;
  /** The OME-XML, written as {@link asciiXml}. */
  description?: string;
  software?: string;
}

/** The tags of one page. */
export function pageTags(pixels: ArchivalPixels, page: PageFacts): TiffTag[] {
  const { bytes, format } = DTYPE[pixels.dtype];
  const samples = pixels.samples;
  const rgb = samples === 3 && pixels.dtype === 'uint8';
  const repeat = (value: number): number[] => Array.from({ length: samples }, () => value);
  const tags: TiffTag[] = [
    { code: 254, kind: 'long', values: [page.reduced ? 1 : 0] },
    { code: 256, kind: 'long', values: [page.size.width] },
    { code: 257, kind: 'long', values: [page.size.height] },
    { code: 258, kind: 'short', values: repeat(bytes * 8) },
    { code: 259, kind: 'short', values: [COMPRESSION_CODE[page.compression]] },
    { code: 262, kind: 'short', values: [rgb ? 2 : 1] },
    { code: 277, kind: 'short', values: [samples] },
    { code: 284, kind: 'short', values: [1] },
    { code: 339, kind: 'short', values: repeat(format) },
  ];
  if (page.description !== undefined) tags.push({ code: 270, kind: 'ascii', values: asciiXml(page.description) });
  tags.push(...resolutionTags(page.pixelSizeUm));
  if (page.software !== undefined) tags.push({ code: 305, kind: 'ascii', values: page.software });
  const extra = rgb ? samples - 3 : samples - 1;
  if (extra > 0) tags.push({ code: 338, kind: 'short', values: Array.from({ length: extra }, () => 0) });
  if (page.grid.tiled) {
    tags.push(
      { code: 322, kind: 'long', values: [page.grid.width] },
      { code: 323, kind: 'long', values: [page.grid.height] },
      { code: 324, kind: 'offset', values: page.offsets },
      { code: 325, kind: 'offset', values: page.byteCounts },
    );
  } else {
    tags.push(
      { code: 273, kind: 'offset', values: page.offsets },
      { code: 278, kind: 'long', values: [page.grid.height] },
      { code: 279, kind: 'offset', values: page.byteCounts },
    );
  }
  if (page.subIfds !== undefined && page.subIfds.length > 0)
    tags.push({ code: 330, kind: 'offset', values: page.subIfds });
  return tags;
}
