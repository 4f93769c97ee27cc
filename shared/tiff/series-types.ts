/**
 * A series of pages with one shape, as tifffile's TiffPageSeries, and its axis helpers.
 */
import type { TiffPage } from './page';

/** Where the planes of a series are: IFD offsets in plane order (null: not in this file). */
export interface Series {
  kind: 'shaped' | 'lsm' | 'ome' | 'imagej' | 'scanimage' | 'uniform' | 'generic';
  /** Shape and axes before squeezing length-1 dimensions. */
  shape: number[];
  axes: string;
  /** numpy dtype name. */
  dtype: string;
  /** Whether length-1 dimensions other than X and Y are dropped (all kinds but shaped). */
  squeeze: boolean;
  keyframe: TiffPage;
  pages: (number | null)[];
  /** Whether the keyframe is a SubIFD (such series cannot be pyramid top levels). */
  isSubIfd?: boolean;
  /** Resolution levels, full resolution included, where reduced ones were found (a pyramid); absent: one. */
  levels?: number;
}

/** Product of the numbers. */
export function product(values: readonly number[]): number {
  return values.reduce((a, b) => a * b, 1);
}

/** Drops length-1 dimensions except X and Y (keeps the last one if nothing is left). */
export function squeezeAxes(shape: readonly number[], axes: string): { shape: number[]; axes: string } {
  const keptShape: number[] = [];
  let keptAxes = '';
  shape.forEach((size, i) => {
    const axis = axes[i] ?? '';
    if (size > 1 || axis === 'X' || axis === 'Y') {
      keptShape.push(size);
      keptAxes += axis;
    }
  });
  if (keptShape.length === 0 && shape.length > 0) {
    return { shape: [shape[shape.length - 1] ?? 1], axes: axes.slice(-1) };
  }
  return { shape: keptShape, axes: keptAxes };
}

/** The series' shape and axes as tifffile reports them (`series.shape`, `series.axes`). */
export function seriesShape(series: Series): { shape: number[]; axes: string } {
  return series.squeeze ? squeezeAxes(series.shape, series.axes) : { shape: [...series.shape], axes: series.axes };
}

/** Axes for a new shape of the same size, as tifffile's reshape_axes; null when sizes differ. */
export function reshapeAxes(axes: string, shape: readonly number[], newShape: readonly number[]): string | null {
  if (axes.length !== shape.length || product(shape) !== product(newShape)) return null;
  if (axes.length === 0 || newShape.length === 0) return '';
  const lenDiff = Math.max(0, shape.length - newShape.length);
  const target = [...newShape, ...Array<number>(lenDiff).fill(1)];
  let i = shape.length - 1;
  let prodNew = 1;
  let prodOld = 1;
  const result: string[] = [];
  for (const ns of [...target].reverse()) {
    prodNew *= ns;
    while (i > 0 && shape[i] === 1 && ns !== 1) i--;
    const at = i < 0 ? shape.length + i : i; // Python's negative indexing
    const size = shape[at] ?? 1;
    if (ns === size && prodNew === prodOld * size) {
      prodOld *= size;
      result.push(axes[at] ?? 'Q');
      i--;
    } else {
      result.push('Q');
    }
  }
  return result.slice(lenDiff).reverse().join('');
}
