/**
 * CloudScope's header strings from tifffile's series[0], and the plane sliders of a series.
 *
 * Axis rule (docs/tiff-headers.md): an `S` (samples) axis becomes `C`; if every axis is then one
 * of T, C, Z, Y, X the axes are used as they are, else they fall back on the rank (2-D `YX`,
 * 3-D `ZYX`, 4-D `CZYX`, 5-D `TCZYX`). For ranks the spec gives no rule for (1-D, 6-D and up)
 * the letters are kept as tifffile names them.
 */
import type { HeaderValues } from '../image-header';
import { seriesShape, type Series } from './series-types';

const BY_RANK: Readonly<Record<number, string>> = { 2: 'YX', 3: 'ZYX', 4: 'CZYX', 5: 'TCZYX' };

/** CloudScope's dimension letters for tifffile axes. */
export function cloudscopeDims(axes: string): string {
  const letters = axes.replace(/S/g, 'C');
  if ([...letters].every((a) => 'TCZYX'.includes(a))) return letters;
  return BY_RANK[letters.length] ?? letters;
}

/** Python's repr of a tuple of ints or strings: `(2, 512)`, `(5,)`, `('C', 'Y')`. */
export function pythonTuple(items: readonly (number | string)[]): string {
  const parts = items.map((item) => (typeof item === 'number' ? String(item) : `'${item}'`));
  return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
}

/** Python's repr of `dict(zip(keys, values))`: a repeated key keeps its first place and last value. */
export function pythonDict(keys: readonly string[], values: readonly number[]): string {
  const map = new Map<string, number>();
  keys.forEach((key, i) => map.set(key, values[i] ?? 0));
  return `{${[...map].map(([k, v]) => `'${k}': ${v}`).join(', ')}}`;
}

/** The six header values that come from the series (date and time come from tags). */
export function seriesHeader(series: Series[]): Omit<HeaderValues, 'date' | 'time'> {
  const first = series[0];
  if (first === undefined) throw new Error('no image series');
  const { shape, axes } = seriesShape(first);
  const dims = [...cloudscopeDims(axes)];
  let channels = 1;
  dims.forEach((dim, i) => {
    if (dim === 'C') channels = shape[i] ?? 1;
  });
  return {
    shape: pythonTuple(shape),
    dims: pythonTuple(dims),
    sizes: pythonDict(dims, shape),
    dtype: first.dtype,
    num_channels: channels,
    num_scenes: series.length,
  };
}

/** Which dimension of the (unsqueezed) series each preview slider moves. */
export interface PlaneLayout {
  /** Slider → index of the dimension in `series.shape` it selects, and that dimension's size. */
  sliders: Partial<Record<'c' | 'z' | 't', { dim: number; size: number }>>;
  /** Whether the samples axis is shown together as colour (RGB, YCbCr, palette). */
  rgb: boolean;
}

/** Assigns the series' non-image dimensions to the c, z and t sliders. */
export function planeLayout(series: Series): PlaneLayout {
  const { photometric, samplesPerPixel } = series.keyframe;
  const rgb = ((photometric === 2 || photometric === 6) && samplesPerPixel >= 3) || photometric === 3;
  const sliders: PlaneLayout['sliders'] = {};
  const unnamed: { dim: number; size: number }[] = [];
  series.shape.forEach((size, dim) => {
    const axis = series.axes[dim] ?? '';
    if (size <= 1 || axis === 'X' || axis === 'Y' || (axis === 'S' && rgb)) return;
    const slot = axis === 'S' || axis === 'C' ? 'c' : axis === 'Z' ? 'z' : axis === 'T' ? 't' : null;
    if (slot !== null && sliders[slot] === undefined) sliders[slot] = { dim, size };
    else unnamed.push({ dim, size });
  });
  for (const entry of unnamed) {
    const free = (['z', 't', 'c'] as const).find((slot) => sliders[slot] === undefined);
    if (free !== undefined) sliders[free] = entry;
  }
  return { sliders, rgb };
}

/** Plane counts for the sliders: 1 where a slider has nothing to move. */
export function planeCounts(layout: PlaneLayout): { c: number; z: number; t: number } {
  return { c: layout.sliders.c?.size ?? 1, z: layout.sliders.z?.size ?? 1, t: layout.sliders.t?.size ?? 1 };
}
