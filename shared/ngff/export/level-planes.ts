/**
 * The planes of an exported image's levels and the chunks they are cut into: a level is the one
 * above with every other row and column (nearest-neighbour halving, as acqstore's writer reduces
 * its levels; the exact pixels kept may differ), and a chunk is a tile of a plane, padded with
 * zeros to the full chunk shape as Zarr stores edge chunks.
 */

import type { SampleArray } from '../../sample-array';

type PlaneSamples = SampleArray;

/** A plane: its samples, row by row, and its size. */
export interface Plane {
  values: PlaneSamples;
  width: number;
  height: number;
}

/** Sample `sample` of each pixel of an interleaved plane of `samples` per pixel (a colour image's channel). */
export function sampleOf(plane: Plane, samples: number, sample: number): Plane {
  if (samples === 1) return plane;
  const out = new (plane.values.constructor as new (n: number) => PlaneSamples)(plane.width * plane.height);
  for (let i = 0; i < out.length; i++) out[i] = plane.values[i * samples + sample] as number;
  return { values: out, width: plane.width, height: plane.height };
}

/** The next level's plane: rows and columns 0, 2, 4… of `plane`, half its size rounded down. */
export function halved(plane: Plane): Plane {
  const width = Math.floor(plane.width / 2);
  const height = Math.floor(plane.height / 2);
  const out = new (plane.values.constructor as new (n: number) => PlaneSamples)(width * height);
  for (let y = 0; y < height; y++) {
    const from = 2 * y * plane.width;
    for (let x = 0; x < width; x++) out[y * width + x] = plane.values[from + 2 * x] as number;
  }
  return { values: out, width, height };
}

/** The tile at chunk (row `cy`, column `cx`) of `plane`, `chunkY` × `chunkX`, zeros past the plane's edge. */
export function tileOf(plane: Plane, chunkY: number, chunkX: number, cy: number, cx: number): PlaneSamples {
  const out = new (plane.values.constructor as new (n: number) => PlaneSamples)(chunkY * chunkX);
  const top = cy * chunkY;
  const left = cx * chunkX;
  const rows = Math.min(chunkY, plane.height - top);
  const cols = Math.min(chunkX, plane.width - left);
  for (let y = 0; y < rows; y++) {
    const from = (top + y) * plane.width + left;
    out.set(plane.values.subarray(from, from + cols), y * chunkX);
  }
  return out;
}
