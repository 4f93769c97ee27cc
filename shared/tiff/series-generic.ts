/**
 * tifffile's fallback series: "uniform" (every page alike) and "generic" (pages grouped by
 * their hash, SubIFDs included), and the merging of pyramid levels into one series.
 */
import type { TiffPage } from './page';
import { seriesShape, type Series } from './series-types';
import type { TiffFile } from './tiff-file';

/** tifffile's `is_uniform`: pages 1, 7 and the last look like page 0 (so fewer than 8 pages never are). */
export function isUniform(file: TiffFile, first: TiffPage): boolean {
  if (first.subIfds.length > 0) return false;
  if (file.pageCount < 8) return false;
  for (const index of [1, 7, -1]) {
    if (file.page(index).hashKey !== first.hashKey) return false;
  }
  return true;
}

/** All pages as one series with a leading `I` axis. */
export function uniformSeries(file: TiffFile, first: TiffPage, kind: Series['kind'] = 'uniform'): Series {
  return {
    kind,
    shape: [file.pageCount, ...first.shape],
    axes: `I${first.axes}`,
    dtype: first.dtype ?? 'float64',
    squeeze: true,
    keyframe: first,
    pages: [...file.pageOffsets],
  };
}

/** One series per distinct page hash, in order of first appearance, SubIFDs included. */
export function genericSeries(file: TiffFile): Series[] {
  const groups = new Map<string, { keyframe: TiffPage; offsets: number[]; isSubIfd: boolean }>();
  const add = (page: TiffPage, isSubIfd: boolean): void => {
    if (page.entries.length === 0) return; // an empty IFD has no shape: tifffile skips it
    const group = groups.get(page.hashKey);
    if (group === undefined) groups.set(page.hashKey, { keyframe: page, offsets: [page.offset], isSubIfd });
    else if (!group.offsets.includes(page.offset)) group.offsets.push(page.offset);
  };
  for (const [index, offset] of file.pageOffsets.entries()) {
    const page = index === 0 ? file.pageAt(offset) : file.readUncached(offset);
    add(page, false);
    for (const subOffset of page.subIfds) {
      if (subOffset < 8) continue;
      try {
        add(file.readUncached(subOffset), true);
      } catch {
        // tifffile skips an unreadable SubIFD with a warning
      }
    }
  }
  const series: Series[] = [...groups.values()].map(({ keyframe, offsets, isSubIfd }) => {
    const hasSamples = keyframe.axes.includes('S');
    return {
      kind: 'generic',
      shape: [offsets.length, ...keyframe.shape, ...(hasSamples ? [] : [1])],
      axes: `I${keyframe.axes}${hasSamples ? '' : 'S'}`,
      dtype: keyframe.dtype ?? 'float64',
      squeeze: true,
      keyframe,
      pages: offsets,
      isSubIfd,
    };
  });
  return pyramidize(series, false);
}

/** Level of series `b` as a downsampled copy of `a` by factor `p`, or null (tifffile's subresolution). */
function subresolution(a: Series, b: Series, p: number): number | null {
  const sa = seriesShape(a);
  const sb = seriesShape(b);
  if (sa.axes !== sb.axes || a.dtype !== b.dtype) return null;
  let level: number | null = null;
  for (let k = 0; k < sa.axes.length; k++) {
    const axis = sa.axes[k]?.toLowerCase() ?? '';
    const i = sa.shape[k] ?? 0;
    const j = sb.shape[k] ?? 0;
    if ('xyz'.includes(axis)) {
      if (level === null) {
        for (let r = 0; r < 16 && level === null; r++) {
          const d = p ** r;
          if (d > i) return null;
          if (Math.abs(i / d - j) < 1) level = r;
        }
        if (level === null) return null;
      } else {
        const d = p ** level;
        if (d > i || Math.abs(i / d - j) >= 1) return null;
      }
    } else if (i !== j) return null;
  }
  return level;
}

/** Removes series that are pyramid levels of an earlier series (tifffile's pyramidize_series). */
export function pyramidize(series: Series[], isReduced: boolean): Series[] {
  const out = [...series];
  for (let i = 0; i < out.length; i++) {
    const top = out[i];
    if (top === undefined || top.isSubIfd) continue;
    let last = top;
    let levels = 1;
    let factor: number | null = null;
    for (let j = i + 1; j < out.length;) {
      const candidate = out[j];
      if (candidate === undefined) break;
      if (isReduced && (candidate.keyframe.subfileType & 1) === 0) {
        j++;
        continue;
      }
      if (factor === null) factor = [2, 3, 4].find((f) => subresolution(last, candidate, f) === 1) ?? null;
      if (factor === null || subresolution(last, candidate, factor) !== 1) {
        j++;
        continue;
      }
      last = candidate;
      levels++;
      out.splice(j, 1);
    }
    if (levels > 1) out[i] = { ...top, levels };
  }
  return out;
}
