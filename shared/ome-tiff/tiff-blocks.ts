/**
 * The bytes of each tile or strip of a plane, and a plane's next reduced level: pixel bytes
 * moved as they are, whatever their type (no value is read as a number, so a NaN keeps its bits).
 */
import type { BlockGrid, LevelSize } from './tiff-layout';

/** The bytes of block (`column`, `row`) of a level: a tile padded with zeros, or a strip's rows. */
export function blockBytes(
  plane: Uint8Array,
  size: LevelSize,
  grid: BlockGrid,
  pixelBytes: number,
  column: number,
  row: number,
): Uint8Array {
  const rowBytes = size.width * pixelBytes;
  const y0 = row * grid.height;
  const y1 = Math.min(size.height, y0 + grid.height);
  if (!grid.tiled) return plane.subarray(y0 * rowBytes, y1 * rowBytes);
  const tileRow = grid.width * pixelBytes;
  const tile = new Uint8Array(grid.height * tileRow);
  const x0 = column * grid.width * pixelBytes;
  const x1 = Math.min(rowBytes, x0 + tileRow);
  for (let y = y0; y < y1; y++) tile.set(plane.subarray(y * rowBytes + x0, y * rowBytes + x1), (y - y0) * tileRow);
  return tile;
}

/** `bytes` as unsigned items of `unit` bytes. */
function unitView(bytes: Uint8Array, unit: number): Uint8Array | Uint16Array | Uint32Array {
  if (unit === 4) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  if (unit === 2) return new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
  return bytes;
}

/** Every second pixel of every second row (numpy's `plane[::2, ::2]`), and its size. */
export function halve(plane: Uint8Array, size: LevelSize, pixelBytes: number): { bytes: Uint8Array; size: LevelSize } {
  const half = { width: Math.ceil(size.width / 2), height: Math.ceil(size.height / 2) };
  const out = new Uint8Array(half.width * half.height * pixelBytes);
  // the widest item that divides a pixel and the plane's offset in its buffer
  const unit = [4, 2, 1].find((n) => pixelBytes % n === 0 && plane.byteOffset % n === 0) ?? 1;
  const from = unitView(plane, unit);
  const to = unitView(out, unit);
  const units = pixelBytes / unit;
  for (let y = 0; y < half.height; y++) {
    let at = 2 * y * size.width * units;
    let put = y * half.width * units;
    if (units === 1) {
      // a pixel of one item (most images): no inner loop, half again as fast
      for (const end = put + half.width; put < end; put++, at += 2) to[put] = from[at] as number;
      continue;
    }
    for (let x = 0; x < half.width; x++, at += 2 * units) {
      for (let u = 0; u < units; u++) to[put++] = from[at + u] as number;
    }
  }
  return { bytes: out, size: half };
}
