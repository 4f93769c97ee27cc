/**
 * Writes one archival OME-TIFF: each plane read, checksummed, cut into tiles (or strips), compressed
 * and appended, then its reduced levels and their SubIFDs, then its own IFD, linked from the
 * previous one. One plane and its levels are in memory at a time; each plane is read back once
 * its bytes are on disk (small planes by 4 MiB of blocks), while the next are written, and the
 * file's IFDs are checked at the end.
 */
import { crc32, deflate, deflateSync } from 'node:zlib';
import { promisify } from 'node:util';
import type { ArchivalCompression } from '../../../shared/api-convert';
import {
  blockBytes,
  blockGrid,
  dtypeBytes,
  encodeIfd,
  encodeLzw,
  halve,
  levelSizes,
  needsBigTiff,
  pageTags,
  setUint,
  tiffHeader,
  type ArchivalPixels,
  type LevelSize,
} from '../../../shared/ome-tiff';
import type { SampleArray } from '../tiff';
import { FileSink } from './file-sink';
import { readBackPlanes, type WrittenLevel, type WrittenPlane } from './read-back';
import { verifyOmeTiff } from './verify-ome-tiff';

/** How the file is laid out. */
export interface OmeTiffLayout {
  /** Tiles of 512 and a pyramid of reduced levels; false: strips and full resolution only (`--flat`). */
  tiled: boolean;
  compression: ArchivalCompression;
}

/** The samples of plane `index` (ArchivalPixels' order): width × height × samples values, interleaved. */
export type PlaneReader = (index: number) => Promise<SampleArray>;

/** What was written. */
export interface WrittenOmeTiff {
  bytes: number;
  bigtiff: boolean;
  /** Reduced levels besides full resolution. */
  levels: number;
  /** Every plane, each of its levels, was read back from the file equal to what was written. */
  verified: boolean;
  /** Where the option `pending`'s text begins in the file; null without it. */
  pendingAt: number | null;
}

/** The options of {@link writeOmeTiff}. */
export interface WriteOmeTiffOptions extends OmeTiffLayout {
  signal?: AbortSignal;
  /** Called after each full-resolution plane with its levels is written. */
  onPlane?: (planesDone: number) => void;
  /** Read the file back and compare every plane (default true). */
  verify?: boolean;
  /**
   * Reads back planes whose blocks and IFDs are on disk, throwing when one differs (another
   * worker's, so that it overlaps the next planes' write); default: in this thread.
   */
  readBack?: (planes: WrittenPlane[]) => Promise<void>;
  /** The Software tag of the first IFD. */
  software?: string;
  /** Full resolution's pixel size in µm, as TIFF's resolution tags (a reduced level's scaled); null or absent: unknown. */
  pixelSizeUm?: { x: number; y: number } | null;
  /** Bytes above which the file is a BigTIFF (tests lower it; default just under 4 GiB). */
  bigtiffAbove?: number;
  /**
   * ASCII text of the description that its caller fills in after the write (a placeholder of
   * the same length): its offset in the file is returned. The write fails when it is not there.
   */
  pending?: string;
}

const deflateAsync = promisify(deflate);
/** Blocks being compressed at once (zlib runs them on libuv's threads while the next are cut). */
const BLOCKS_IN_FLIGHT = 8;
/**
 * A level of fewer pixel bytes than this has its blocks deflated in this thread (they are small,
 * or padding mostly, fast to deflate): a round trip to libuv's threads costs more, and planes of
 * a row or two by the thousand were mostly that round trip. Larger blocks go to the threads, so
 * that this thread goes on cutting and its writes go on completing.
 */
const DEFLATE_HERE_BELOW = 16 * 1024;
/**
 * Block bytes (as decoded, padding included) of planes written before those not yet read back
 * are handed over together: one hand-over per plane costs small planes more than their read-back.
 */
const READ_BACK_BYTES = 4 * 1024 * 1024;

/** The block compressed; `here`: in this thread. */
function compress(block: Uint8Array, compression: ArchivalCompression, here: boolean): Promise<Uint8Array> {
  if (compression === 'zlib') return here ? Promise.resolve(deflateSync(block)) : deflateAsync(block);
  if (compression === 'lzw') return Promise.resolve(encodeLzw(block));
  return Promise.resolve(block);
}

/** Appends a level's blocks, compressed, returning their offsets and byte counts. */
async function writeLevel(
  sink: FileSink,
  plane: Uint8Array,
  size: LevelSize,
  pixelBytes: number,
  options: WriteOmeTiffOptions,
): Promise<{ offsets: number[]; byteCounts: number[] }> {
  const grid = blockGrid(size, pixelBytes, options.tiled);
  const count = grid.across * grid.down;
  const here = size.width * size.height * pixelBytes < DEFLATE_HERE_BELOW;
  const offsets: number[] = [];
  const byteCounts: number[] = [];
  const inFlight: Promise<Uint8Array>[] = [];
  let next = 0;
  const startNext = (): void => {
    const block = blockBytes(plane, size, grid, pixelBytes, next % grid.across, Math.floor(next / grid.across));
    inFlight.push(compress(block, options.compression, here));
    next++;
  };
  while (next < count && inFlight.length < BLOCKS_IN_FLIGHT) startNext();
  // blocks go to the file in order; each one written lets the next one start
  while (inFlight.length > 0) {
    options.signal?.throwIfAborted();
    const data = await (inFlight.shift() as Promise<Uint8Array>);
    if (next < count) startNext();
    offsets.push(await sink.append(data));
    byteCounts.push(data.length);
  }
  return { offsets, byteCounts };
}

/** A plane's samples as bytes, checked against the pixels' size and type. */
function planeBytes(values: SampleArray, pixels: ArchivalPixels, index: number): Uint8Array {
  const length = pixels.width * pixels.height * pixels.samples;
  if (values.length !== length || values.BYTES_PER_ELEMENT !== dtypeBytes(pixels.dtype)) {
    throw new Error(
      `plane ${index} has ${values.length} samples of ${values.BYTES_PER_ELEMENT} bytes, not ${length} × ${pixels.dtype}`,
    );
  }
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

/**
 * Writes `pixels` as a little-endian (Big)TIFF at exactly `path`, `description` (the OME-XML) in
 * the first IFD. On failure or abort the file is closed and the error thrown; the caller
 * removes it. With `verify` (the default) the file is then read back and every plane's levels compared.
 */
export async function writeOmeTiff(
  path: string,
  pixels: ArchivalPixels,
  description: string,
  readPlane: PlaneReader,
  options: WriteOmeTiffOptions,
): Promise<WrittenOmeTiff> {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('writing TIFF needs a little-endian host');
  const planes = pixels.sizeC * pixels.sizeZ * pixels.sizeT;
  if (!(planes >= 1 && pixels.width >= 1 && pixels.height >= 1 && pixels.samples >= 1)) {
    throw new Error(`no pixels to write (${pixels.width}×${pixels.height}, ${planes} planes)`);
  }
  const bigtiff = needsBigTiff(pixels, options.tiled, options.bigtiffAbove);
  const pixelBytes = pixels.samples * dtypeBytes(pixels.dtype);
  const sizes = levelSizes(pixels.width, pixels.height, options.tiled);
  const slot = bigtiff ? 8 : 4;
  const verify = options.verify ?? true;
  const readBack = options.readBack ?? ((planes) => Promise.resolve().then(() => readBackPlanes(path, planes)));
  const written: WrittenPlane[] = [];
  const readBacks: Promise<void>[] = [];
  let unread: WrittenPlane[] = [];
  let unreadBytes = 0;
  let pendingAt: number | null = null;
  const sink = await FileSink.create(path);
  /** Hands the planes not yet read back over once their bytes are written. */
  const handOver = (): void => {
    const planesOnDisk = unread;
    unread = [];
    unreadBytes = 0;
    const back = sink.whenWritten(sink.position).then(() => readBack(planesOnDisk));
    back.catch(() => undefined);
    readBacks.push(back);
  };
  try {
    const header = tiffHeader(bigtiff);
    await sink.append(header.bytes);
    let link = header.nextField;
    for (let index = 0; index < planes; index++) {
      options.signal?.throwIfAborted();
      let bytes = planeBytes(await readPlane(index), pixels, index);
      const pages: WrittenLevel[] = [];
      for (const [k, size] of sizes.entries()) {
        if (k > 0) bytes = halve(bytes, sizes[k - 1] as LevelSize, pixelBytes).bytes;
        pages.push({
          size,
          grid: blockGrid(size, pixelBytes, options.tiled),
          crc32: verify ? crc32(bytes) : 0,
          ...(await writeLevel(sink, bytes, size, pixelBytes, options)),
        });
      }
      const subIfds: number[] = [];
      for (const [k, page] of pages.entries()) {
        if (k === 0) continue;
        const at = await sink.align();
        subIfds.push(at);
        const pixelSizeUm = levelPixelSize(options.pixelSizeUm, k);
        const tags = pageTags(pixels, { ...page, compression: options.compression, reduced: true, pixelSizeUm });
        await sink.append(encodeIfd(tags, bigtiff, at).bytes);
      }
      const at = await sink.align();
      const first =
        index === 0 ? { description, ...(options.software === undefined ? {} : { software: options.software }) } : {};
      const tags = pageTags(pixels, {
        ...(pages[0] as (typeof pages)[0]),
        compression: options.compression,
        reduced: false,
        pixelSizeUm: options.pixelSizeUm ?? null,
        subIfds,
        ...first,
      });
      const ifd = encodeIfd(tags, bigtiff, at);
      if (index === 0 && options.pending !== undefined) pendingAt = at + offsetOf(ifd.bytes, options.pending);
      await sink.append(ifd.bytes);
      if (verify) {
        const plane = {
          index,
          name: planeName(pixels, index),
          pixelBytes,
          compression: options.compression,
          levels: pages,
        };
        written.push(plane);
        unread.push(plane);
        unreadBytes += pages.reduce((sum, { offsets, grid }) => sum + offsets.length * grid.width * grid.height, 0);
        if (unreadBytes * pixelBytes >= READ_BACK_BYTES) handOver();
      }
      const pointer = new Uint8Array(slot);
      setUint(new DataView(pointer.buffer), 0, at, slot);
      await sink.patch(link, pointer);
      link = at + ifd.nextField;
      options.onPlane?.(index + 1);
    }
    if (unread.length > 0) handOver();
    await sink.close();
  } catch (error) {
    await sink.abandon().catch(() => undefined);
    throw error;
  }
  if (verify) {
    await Promise.all(readBacks);
    verifyOmeTiff(path, pixels, written);
  }
  return { bytes: sink.position, bigtiff, levels: sizes.length - 1, verified: verify, pendingAt };
}

/** The pixel size of reduced level `k` (`plane[::2**k, ::2**k]`): 2^k times full resolution's. */
function levelPixelSize(size: WriteOmeTiffOptions['pixelSizeUm'], k: number): WriteOmeTiffOptions['pixelSizeUm'] {
  return size === null || size === undefined ? null : { x: size.x * 2 ** k, y: size.y * 2 ** k };
}

/** Where plane `index` lies in C, Z and T, in words. */
function planeName(pixels: ArchivalPixels, index: number): string {
  const c = index % pixels.sizeC;
  const z = Math.floor(index / pixels.sizeC) % pixels.sizeZ;
  const t = Math.floor(index / (pixels.sizeC * pixels.sizeZ));
  return `plane ${index} (C ${c}, Z ${z}, T ${t})`;
}

/** Where the ASCII `text` first begins in `bytes`; throws when it is not there. */
function offsetOf(bytes: Uint8Array, text: string): number {
  const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(text, 0, 'latin1');
  if (at < 0) throw new Error('the description lacks the text to fill in after the write');
  return at;
}
