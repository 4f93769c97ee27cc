/**
 * Finds the page (IFD) and sample that hold one (c, z, t) plane of series[0].
 *
 * The series' pixels are its pages one after another in row-major order of the series
 * shape, so the plane's first pixel has a flat index whose quotient by the page size is the
 * page and whose remainder gives the sample within the page.
 */
import type { OpenedTiff } from './read-tiff-header';
import { product } from './series-types';

/** Where a plane is stored. */
export interface PlaneLocation {
  /** Position of the page in the series. */
  pageIndex: number;
  /** IFD offset of that page; null when the series has no IFD for it (ImageJ virtual stacks). */
  ifdOffset: number | null;
  /** The sample to show as gray, or null to show the samples together as colour. */
  sample: number | null;
}

/** A plane index outside the image's range (a bad request rather than a bad file). */
export class PlaneRangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlaneRangeError';
  }
}

/** Locates plane (c, z, t) of series[0]; fails when an index is outside the sliders' range. */
export function locatePlane(opened: OpenedTiff, request: { c: number; z: number; t: number }): PlaneLocation {
  const { series, layout } = opened;
  const index = series.shape.map(() => 0);
  for (const slot of ['c', 'z', 't'] as const) {
    const slider = layout.sliders[slot];
    const wanted = request[slot];
    const size = slider?.size ?? 1;
    if (!Number.isInteger(wanted) || wanted < 0 || wanted >= size) {
      throw new PlaneRangeError(`plane ${slot}=${wanted} is out of range (0 to ${size - 1})`);
    }
    if (slider !== undefined) index[slider.dim] = wanted;
  }
  let flat = 0;
  series.shape.forEach((size, dim) => {
    flat = flat * size + (index[dim] ?? 0);
  });
  const page = series.keyframe;
  const pageSize = Math.max(product(page.shape), 1);
  const pageIndex = Math.floor(flat / pageSize);
  const within = flat % pageSize;
  let sample: number | null = null;
  if (!layout.rgb) {
    const spp = page.samplesPerPixel;
    if (page.axes.startsWith('S')) sample = Math.floor(within / (pageSize / spp));
    else sample = page.axes.endsWith('S') ? within % spp : 0;
  }
  return { pageIndex, ifdOffset: series.pages[pageIndex] ?? null, sample };
}
