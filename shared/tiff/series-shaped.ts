/**
 * tifffile "shaped" files: a JSON ImageDescription such as `{"shape": [2, 512, 512]}` (or the
 * old `shape=(2, 512, 512)`) on the first page of every series.
 */
import { TiffReadError } from './bounded-reader';
import { isContiguous, readDataLayout } from './page-data';
import type { TiffPage } from './page';
import { pyramidize } from './series-generic';
import { product, reshapeAxes, type Series } from './series-types';
import type { TiffFile } from './tiff-file';

/** The shaped description of a page, as tifffile finds it; null when there is none. */
export function shapedDescription(page: TiffPage): string | null {
  for (const description of [page.description, page.description1]) {
    if (!description || description.includes('"mibi.')) return null;
    if (description.startsWith('{') && description.includes('"shape":')) return description;
    if (description.startsWith('shape=')) return description;
  }
  return null;
}

interface ShapedMetadata {
  shape: number[];
  axes?: string;
  truncated?: boolean;
}

function parseShaped(description: string): ShapedMetadata {
  if (description.startsWith('shape=')) {
    return {
      shape: description
        .slice(7, -1)
        .split(',')
        .filter((s) => s.trim() !== '')
        .map((s) => Number.parseInt(s, 10)),
    };
  }
  let json: unknown;
  try {
    json = description.endsWith('}') ? JSON.parse(description) : undefined;
  } catch {
    json = undefined;
  }
  const meta = json as { shape?: unknown; axes?: unknown; truncated?: unknown } | undefined;
  if (meta === undefined || !Array.isArray(meta.shape) || !meta.shape.every((v) => Number.isInteger(v))) {
    throw new TiffReadError('invalid JSON image description (tifffile "shaped" metadata)');
  }
  return {
    shape: meta.shape as number[],
    axes: typeof meta.axes === 'string' ? meta.axes : undefined,
    truncated: typeof meta.truncated === 'boolean' ? meta.truncated : undefined,
  };
}

function makeSeries(file: TiffFile, page: TiffPage, offsets: number[], meta: ShapedMetadata): Series {
  const reshape = meta.shape;
  let shape: number[];
  let axes: string;
  if (meta.axes !== undefined && meta.axes.length === reshape.length) {
    shape = reshape;
    axes = meta.axes;
  } else {
    shape = offsets.length > 1 ? [offsets.length, ...page.shape] : [...page.shape];
    axes = offsets.length > 1 ? `Q${page.axes}` : page.axes;
  }
  const size = product(shape);
  const resize = product(reshape);
  if (resize > size && resize % size === 0 && isContiguous(page, readDataLayout(file.reader, file.format, page))) {
    axes = `Q${axes}`;
    shape = [resize / size, ...shape];
  }
  const reshaped = reshapeAxes(axes, shape, reshape);
  if (reshaped !== null) {
    axes = reshaped;
    shape = reshape;
  }
  return {
    kind: 'shaped',
    shape,
    axes,
    dtype: page.dtype ?? 'float64',
    squeeze: false,
    keyframe: page,
    pages: offsets,
  };
}

/** Series of a list of pages (the main chain or one level of SubIFDs); null: not shaped after all. */
function detect(file: TiffFile, offsets: number[], isSubIfd: boolean, out: Series[]): boolean {
  let index = 0;
  while (index < offsets.length) {
    const keyframe = file.pageAt(offsets[isSubIfd ? 0 : index] as number);
    const description = shapedDescription(keyframe);
    if (description === null) return false;
    const meta = parseShaped(description);
    const keySize = product(keyframe.shape);
    const size = product(meta.shape);
    let npages = size > 0 ? Math.floor(size / keySize) : 1;
    if (size > 0 && size % keySize !== 0) return false;
    let soffsets = [keyframe.offset];
    if (npages > 1 && npages <= offsets.length - index) {
      if (meta.truncated === true) npages = 1;
      else soffsets = offsets.slice(index, index + npages);
    }
    const series = makeSeries(file, keyframe, soffsets, meta);
    out.push(isSubIfd ? { ...series, isSubIfd } : series);
    index += npages;
    if (keyframe.subIfds.length === 0) continue;
    const spages = soffsets.map((o) => file.readUncached(o));
    for (let level = 0; level < keyframe.subIfds.length; level++) {
      if ((keyframe.subIfds[level] ?? 0) < 8) continue;
      const levelOffsets = spages.map((p) => p.subIfds[level]);
      if (levelOffsets.some((o) => o === undefined)) return false;
      if (!detect(file, levelOffsets as number[], true, out)) return false;
    }
  }
  return true;
}

/** tifffile's shaped series, or null when a page lacks its shaped description (then: generic). */
export function shapedSeries(file: TiffFile): Series[] | null {
  const out: Series[] = [];
  if (!detect(file, file.pageOffsets, false, out)) return null;
  return pyramidize(out, true);
}
