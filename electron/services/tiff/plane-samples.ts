/**
 * Sample types of the vendor preview decoder and the copy of a decoded tile's samples into its
 * plane: typed views over the tile's bytes where the host is little-endian and the strides are
 * whole samples (every fixture, and every layout the formats write), else one read per sample.
 */

import type { SampleArray } from '../../../shared/sample-array';

export type { SampleArray };

type View = (buffer: ArrayBufferLike, byteOffset: number, length: number) => SampleArray;

/** One sample type: its size, how to read one little-endian sample, and a typed view of them. */
export interface SampleType {
  bytes: number;
  read: (view: DataView, at: number) => number;
  view: View;
}

const type = (bytes: number, read: SampleType['read'], view: View): SampleType => ({ bytes, read, view });

/** The sample types a preview decodes, by numpy name. */
const SAMPLE_TYPES: Readonly<Record<string, SampleType>> = {
  uint8: type(
    1,
    (v, at) => v.getUint8(at),
    (b, o, n) => new Uint8Array(b, o, n),
  ),
  int8: type(
    1,
    (v, at) => v.getInt8(at),
    (b, o, n) => new Int8Array(b, o, n),
  ),
  uint16: type(
    2,
    (v, at) => v.getUint16(at, true),
    (b, o, n) => new Uint16Array(b, o, n),
  ),
  int16: type(
    2,
    (v, at) => v.getInt16(at, true),
    (b, o, n) => new Int16Array(b, o, n),
  ),
  uint32: type(
    4,
    (v, at) => v.getUint32(at, true),
    (b, o, n) => new Uint32Array(b, o, n),
  ),
  int32: type(
    4,
    (v, at) => v.getInt32(at, true),
    (b, o, n) => new Int32Array(b, o, n),
  ),
  float32: type(
    4,
    (v, at) => v.getFloat32(at, true),
    (b, o, n) => new Float32Array(b, o, n),
  ),
  float64: type(
    8,
    (v, at) => v.getFloat64(at, true),
    (b, o, n) => new Float64Array(b, o, n),
  ),
};

/** The sample type of a numpy name, or undefined when a preview does not decode it (complex, bool). */
export function sampleType(dtype: string): SampleType | undefined {
  return Object.hasOwn(SAMPLE_TYPES, dtype) ? SAMPLE_TYPES[dtype] : undefined;
}

/** A zero-filled array of `length` samples of `type`. */
export function sampleArray(type: SampleType, length: number): SampleArray {
  return type.view(new ArrayBuffer(length * type.bytes), 0, length);
}

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Where a tile's samples lie in its decoded bytes, in bytes. */
export interface TileLayout {
  pixelStride: number;
  rowStride: number;
  /** From a pixel's start to this plane's first sample. */
  sampleOffset: number;
}

/** Where a tile lies in its plane, in pixels. */
export interface TilePlace {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Copies the samples of a decoded tile (`bytes`, laid out as `layout` says) into `values`, the
 * plane of `planeWidth` × `planeHeight` pixels of `samples` values each, at the tile's place,
 * clipped to the plane.
 */
export function copyTile(
  values: SampleArray,
  plane: { width: number; height: number; samples: number; type: SampleType },
  bytes: Uint8Array,
  tile: TilePlace,
  layout: TileLayout,
): void {
  const { width, height, samples, type } = plane;
  const x0 = Math.max(0, tile.x);
  const x1 = Math.min(width, tile.x + tile.width);
  const y0 = Math.max(0, tile.y);
  const y1 = Math.min(height, tile.y + tile.height);
  if (x1 <= x0 || y1 <= y0) return;
  const whole = (n: number): boolean => n % type.bytes === 0;
  if (LITTLE_ENDIAN_HOST && whole(layout.pixelStride) && whole(layout.rowStride) && whole(layout.sampleOffset)) {
    // an aligned copy when the bytes do not start on a whole sample of their buffer
    const aligned = whole(bytes.byteOffset) ? bytes : bytes.slice();
    const src = type.view(aligned.buffer, aligned.byteOffset, Math.floor(aligned.byteLength / type.bytes));
    const [pixel, row, offset] = [layout.pixelStride, layout.rowStride, layout.sampleOffset].map((n) => n / type.bytes);
    for (let y = y0; y < y1; y++) {
      const from = (y - tile.y) * (row as number) + (offset as number) + (x0 - tile.x) * (pixel as number);
      const to = (y * width + x0) * samples;
      if (pixel === samples) values.set(src.subarray(from, from + (x1 - x0) * samples), to);
      else
        for (let x = 0, at = from, i = to; x < x1 - x0; x++, at += pixel as number, i += samples)
          for (let s = 0; s < samples; s++) values[i + s] = src[at + s] as number;
    }
    return;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const at = (y - tile.y) * layout.rowStride + layout.sampleOffset + (x - tile.x) * layout.pixelStride;
      const to = (y * width + x) * samples;
      for (let s = 0; s < samples; s++) values[to + s] = type.read(view, at + s * type.bytes);
    }
  }
}
