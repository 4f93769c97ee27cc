/**
 * Decodes a preview plane of a CZI, ND2 or LIF file from the plane store its header read
 * located (docs/formats.md), and of an OIB file through the TIFF decoder on the plane's stream.
 *
 * Tiles are read straight from the file, each checked against the file size first. Uncompressed
 * tiles are copied with the store's strides; CZI `zstd` (a zstd frame) and `zstd-hdr` (ZSTD1:
 * a header of 1 or 3 bytes, the 3-byte one with chunk type 1 whose flag bit 0 asks for hi/lo
 * byte unpacking — the low bytes of every 16-bit sample, then the high bytes — as libCZI reads
 * it) are decoded with zstddec, ND2 `zlib` frames with Node's zlib. Every decoded length is
 * checked; any other codec is refused by name. Mosaic tiles are drawn in the store's order, a
 * later tile over an earlier one. Runs in a scan worker (Node).
 */
import { inflateSync } from 'node:zlib';
import { ZSTDDecoder } from 'zstddec';
import type { PreviewImage } from '../../../shared/api';
import {
  oibPlaneSource,
  readVendorHeader,
  resolveCziSubblock,
  VendorReadError,
  type PlaneStore,
  type PlaneTile,
  type StoredPlane,
  type VendorHeader,
} from '../../../shared/formats';
import { PlaneRangeError, type ByteSource } from '../../../shared/tiff';
import { autoContrast, fitSize } from './contrast';
import { MAX_PLANE_BYTES, type PlaneRequest } from './plane-limits';
import { copyTile, sampleArray, sampleType, type SampleArray, type SampleType, type TileLayout } from './plane-samples';

/** Most bytes a header and an OIB plane's TIFF read together. */
const MAX_OIB_READ = MAX_PLANE_BYTES + 64 * 1024 * 1024;

/** The samples of one decoded plane, before any contrast. */
export interface RawPlane {
  width: number;
  height: number;
  /** Values per pixel, in the file's order (BGR for a CZI colour image, RGB for ND2). */
  samples: number;
  /** numpy name of the sample type. */
  dtype: string;
  /** Whether the colour samples are blue first (CZI). */
  bgr: boolean;
  /** width × height × samples values, row by row, the samples of a pixel together; 0 where no tile lies. */
  values: SampleArray;
}

/** Decodes OIB planes: the TIFF preview decoder, handed in so that this module need not import its caller. */
export type TiffPlaneDecoder = (source: ByteSource, request: PlaneRequest, fileName: string) => Promise<PreviewImage>;

function fail(message: string): never {
  throw new VendorReadError(message);
}

let zstd: Promise<ZSTDDecoder> | null = null;

/** The zstd decoder (WebAssembly), started with the first zstd tile. */
function zstdDecoder(): Promise<ZSTDDecoder> {
  zstd ??= (async () => {
    const decoder = new ZSTDDecoder();
    await decoder.init();
    return decoder;
  })();
  return zstd;
}

/** Decodes one zstd frame into exactly `expected` bytes, or fails saying the tile is corrupt. */
async function zstdDecode(data: Uint8Array, expected: number, codec: string): Promise<Uint8Array> {
  let decoded: Uint8Array;
  try {
    decoded = (await zstdDecoder()).decode(data, expected);
  } catch (error) {
    return fail(`a ${codec} tile does not decode: ${(error as Error).message}`);
  }
  return checkLength(decoded, expected, codec);
}

/** Fails unless `bytes` is exactly `expected` long. */
function checkLength(bytes: Uint8Array, expected: number, codec: string): Uint8Array {
  if (bytes.length !== expected)
    fail(`a ${codec} tile decoded to ${bytes.length} bytes where its pixels need ${expected}: the data is corrupt`);
  return bytes;
}

/** Decodes CZI's ZSTD1: its header, the zstd frame, then hi/lo byte unpacking when the header asks for it. */
async function decodeZstdHdr(data: Uint8Array, expected: number, sampleBytes: number): Promise<Uint8Array> {
  const size = data[0];
  if ((size !== 1 && size !== 3) || data.length <= size || (size === 3 && data[1] !== 1))
    fail('a zstd-hdr (ZSTD1) tile has an unknown header');
  const hiLo = size === 3 && ((data[2] as number) & 1) === 1;
  if (hiLo && sampleBytes !== 2) fail('a zstd-hdr tile asks for hi/lo byte unpacking of samples that are not 16-bit');
  const packed = await zstdDecode(data.subarray(size), expected, 'zstd-hdr');
  if (!hiLo) return packed;
  const half = expected / 2;
  const out = new Uint8Array(expected);
  for (let i = 0; i < half; i++) {
    out[2 * i] = packed[i] as number;
    out[2 * i + 1] = packed[half + i] as number;
  }
  return out;
}

/** A tile's layout, and the bytes its pixels reach to: the end of its last pixel's last sample of this plane. */
type TileBytes = TileLayout & { extent: number };

/** The byte layout of a decoded tile: the store's strides, else packed pixels (CZI). */
function tileLayout(store: PlaneStore, plane: StoredPlane, tile: PlaneTile, sampleBytes: number): TileBytes {
  const pixelStride = store.pixelStride ?? store.samples * sampleBytes;
  const rowStride = store.rowStride ?? tile.width * pixelStride;
  const sampleOffset = plane.sampleOffset;
  const last = (tile.height - 1) * rowStride + (tile.width - 1) * pixelStride;
  return { pixelStride, rowStride, sampleOffset, extent: last + sampleOffset + store.samples * sampleBytes };
}

/** The decoded bytes of one tile (at least `layout.extent`), read from the file after checking where they lie. */
async function tileBytes(
  source: ByteSource,
  store: PlaneStore,
  tile: PlaneTile,
  layout: TileBytes,
): Promise<Uint8Array> {
  const { offset, length } = tile.kind === 'bytes' ? tile : resolveCziSubblock(source, tile.segmentOffset);
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0)
    fail(`a tile has a broken location (${length} bytes at ${offset})`);
  if (offset + length > source.size)
    fail(`truncated file: a tile's ${length} bytes at ${offset} run past the end (size ${source.size})`);
  if (length > MAX_PLANE_BYTES) fail(`a tile of ${length} bytes is too large to preview`);
  const { extent } = layout;
  switch (store.compression) {
    case 'none':
      if (length < extent) fail(`a tile holds ${length} bytes where its pixels need ${extent}`);
      return source.read(offset, extent);
    case 'zstd':
      return zstdDecode(source.read(offset, length), extent, 'zstd');
    case 'zstd-hdr':
      return decodeZstdHdr(source.read(offset, length), extent, (sampleType(store.dtype) as { bytes: number }).bytes);
    case 'zlib': {
      // an ND2 frame inflates to whole rows of the frame
      const frame = Math.max(extent, tile.height * layout.rowStride);
      let inflated: Uint8Array;
      try {
        inflated = inflateSync(source.read(offset, length), { maxOutputLength: frame });
      } catch (error) {
        return fail(`a zlib tile does not inflate to its ${frame} bytes: ${(error as Error).message}`);
      }
      return checkLength(inflated, frame, 'zlib');
    }
    default:
      return fail(`no preview for this compression (${store.compression})`);
  }
}

/** Fails with a {@link PlaneRangeError} unless (c, z, t) is a plane of the image. */
function checkPlane(request: { c: number; z: number; t: number }, planes: { c: number; z: number; t: number }): void {
  for (const axis of ['c', 'z', 't'] as const) {
    const index = request[axis];
    if (!Number.isInteger(index) || index < 0 || index >= planes[axis])
      throw new PlaneRangeError(`${axis} must be from 0 to ${planes[axis] - 1} (got ${index})`);
  }
}

/**
 * The raw samples of plane (c, z, t) of image 0 of a CZI, ND2 or LIF file, decoded from the
 * plane store of its header (read by `readVendorHeader`), before any contrast: what the preview
 * shows, and what tests and the fuzzer check. A plane over `maxPlaneBytes` decoded is refused.
 */
export async function decodeVendorSamples(
  source: ByteSource,
  header: VendorHeader,
  request: { c: number; z: number; t: number },
  maxPlaneBytes = MAX_PLANE_BYTES,
): Promise<RawPlane> {
  checkPlane(request, header.planes);
  const store = header.store ?? fail(`no preview: ${header.storeNote ?? 'the file does not say where its planes are'}`);
  const type = sampleType(store.dtype) ?? fail(`no preview for this sample type (${store.dtype})`);
  const { width, height, samples } = store;
  if (![width, height, samples].every((n) => Number.isSafeInteger(n) && n >= 1))
    fail(`the plane store describes an empty plane (${width} × ${height}, ${samples} samples)`);
  const planeBytes = width * height * samples * type.bytes;
  if (planeBytes > maxPlaneBytes) fail(`the plane is too large to preview (${planeBytes} bytes decoded)`);
  const plane =
    store.planes.find((p) => p.c === request.c && p.z === request.z && p.t === request.t) ??
    fail(`plane C ${request.c + 1}, Z ${request.z + 1}, T ${request.t + 1} is not in the plane store`);
  const out: RawPlane = {
    width,
    height,
    samples,
    dtype: store.dtype,
    bgr: header.format === 'czi',
    values: sampleArray(type, width * height * samples),
  };
  let decoded = 0;
  for (const tile of plane.tiles) {
    if (![tile.width, tile.height].every((n) => Number.isSafeInteger(n) && n >= 1))
      fail(`a tile of ${tile.width} × ${tile.height} pixels is empty`);
    const layout = tileLayout(store, plane, tile, type.bytes);
    // overlapping mosaic tiles decode more than the plane holds, but not without bound
    decoded += layout.extent;
    if (layout.extent > maxPlaneBytes || decoded > 2 * maxPlaneBytes)
      fail(`the plane's tiles are too large to preview (${decoded} bytes decoded)`);
    copyTile(out.values, { width, height, samples, type }, await tileBytes(source, store, tile, layout), tile, layout);
  }
  return out;
}

/** The preview of raw samples: nearest-neighbour to fit `maxSize`, then auto-contrasted (RGB jointly, 8-bit RGB as is). */
export function previewOfSamples(raw: RawPlane, maxSize: number): PreviewImage {
  const size = fitSize(raw.width, raw.height, maxSize);
  const channels: 1 | 3 = raw.samples >= 3 ? 3 : 1;
  const order = channels === 1 ? [0] : raw.bgr ? [2, 1, 0] : [0, 1, 2];
  const picked = sampleArray(sampleType(raw.dtype) as SampleType, size.width * size.height * channels);
  const relX = raw.width / size.width;
  const relY = raw.height / size.height;
  for (let y = 0; y < size.height; y++) {
    const row = Math.min(Math.round(relY * y), raw.height - 1) * raw.width;
    for (let x = 0; x < size.width; x++) {
      const from = (row + Math.min(Math.round(relX * x), raw.width - 1)) * raw.samples;
      const to = (y * size.width + x) * channels;
      for (let i = 0; i < channels; i++) picked[to + i] = raw.values[from + (order[i] as number)] as number;
    }
  }
  const pixels = channels === 3 && raw.dtype === 'uint8' ? Uint8Array.from(picked) : autoContrast(picked);
  return {
    width: size.width,
    height: size.height,
    channels,
    data: Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength).toString('base64'),
    sourceWidth: raw.width,
    sourceHeight: raw.height,
  };
}

/**
 * Decodes plane (c, z, t) of image 0 of a CZI, ND2, LIF or OIB file (`maxSize` already
 * checked), downsampled to fit `maxSize` and auto-contrasted to 8 bits, as a TIFF's preview is.
 */
export async function decodeVendorPlane(
  source: ByteSource,
  request: PlaneRequest,
  fileName: string,
  decodeTiff: TiffPlaneDecoder,
): Promise<PreviewImage> {
  const header = readVendorHeader(source, fileName);
  if (header.format !== 'oib')
    return previewOfSamples(await decodeVendorSamples(source, header, request), request.maxSize);
  checkPlane(request, header.planes);
  const plane = oibPlaneSource(source, request, { maxBytes: MAX_OIB_READ });
  return decodeTiff(plane.source, { c: 0, z: 0, t: 0, maxSize: request.maxSize }, plane.name);
}
