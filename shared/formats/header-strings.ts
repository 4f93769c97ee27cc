/**
 * CloudScope's header strings of one vendor image from its ordered dimension sizes.
 */
import type { HeaderValues } from '../image-header';
import { pythonDict, pythonTuple } from '../tiff/header-values';
import type { VendorImageSummary } from './types';

/** Header values (without date and time) from `[dim, size]` pairs, as acqstore's `str()` writes them. */
export function headerFromSizes(
  sizes: [string, number][],
  dtype: string,
  numScenes: number,
): Omit<HeaderValues, 'date' | 'time'> {
  const dims = sizes.map(([d]) => d);
  const shape = sizes.map(([, n]) => n);
  return {
    shape: pythonTuple(shape),
    dims: pythonTuple(dims),
    sizes: pythonDict(dims, shape),
    dtype,
    num_channels: sizes.find(([d]) => d === 'C')?.[1] ?? 1,
    num_scenes: numScenes,
  };
}

/** The listing entry of one image. */
export function imageSummary(name: string, sizes: [string, number][], dtype: string): VendorImageSummary {
  return { name, shape: pythonTuple(sizes.map(([, n]) => n)), dims: pythonTuple(sizes.map(([d]) => d)), dtype };
}
