/**
 * OME-TIFF series: one per OME `Image` whose planes the TiffData elements locate, with the
 * shape taken from `Pixels` (DimensionOrder, Size*), as tifffile builds them.
 */
import { omeDtype, omeInt, type OmeDocument, type OmePixels } from './ome';
import type { TiffPage } from './page';
import { product, squeezeAxes, type Series } from './series-types';
import type { TiffFile } from './tiff-file';

/** Whether the first page's description is OME-XML (tifffile's `is_ome`). */
export function isOme(page: TiffPage): boolean {
  return page.description !== '' && page.description.slice(-10).trim().endsWith('OME>');
}

/** A plane's IFD offset, `external` when it lives in another file of the dataset, null when missing. */
type PlaneRef = number | 'external' | null;

interface UuidState {
  root: string | null;
}

/** Row-major flat index of `index` in `shape`, or null when out of range (numpy's ravel_multi_index). */
function ravel(index: number[], shape: number[]): number | null {
  let flat = 0;
  for (let i = 0; i < shape.length; i++) {
    const at = index[i] ?? 0;
    const size = shape[i] ?? 1;
    if (at < 0 || at >= size) return null;
    flat = flat * size + at;
  }
  return flat;
}

function locatePlanes(file: TiffFile, pixels: OmePixels, axes: string, shape: number[], state: UuidState): PlaneRef[] {
  const refs: PlaneRef[] = [];
  for (const data of pixels.tiffData) {
    const attr = data.attributes;
    const ifd = attr.IFD === undefined ? 0 : omeInt(attr.IFD, 'TiffData IFD');
    let num = attr.NumPlanes === undefined ? ('IFD' in attr ? 1 : 0) : omeInt(attr.NumPlanes, 'NumPlanes');
    if (attr.PlaneCount !== undefined) num = omeInt(attr.PlaneCount, 'PlaneCount');
    const first = [...axes.slice(0, -2)].map((axis) => omeInt(attr[`First${axis}`] ?? '0', `First${axis}`));
    const start = ravel(first, shape.slice(0, -2));
    if (start === null) continue; // tifffile: "OME series contains invalid TiffData index"
    let local = true;
    const uuid = data.uuid;
    if (uuid !== null) {
      if (state.root === null && uuid.text !== null && uuid.fileName.toLowerCase() === file.fileName.toLowerCase()) {
        state.root = uuid.text;
      } else if (uuid.text !== state.root) {
        local = false;
      }
    }
    const size = num !== 0 ? num : file.pageCount;
    while (refs.length < start + size) refs.push(null);
    for (let i = 0; i < size; i++) {
      if (!local) refs[start + i] = 'external';
      else {
        const offset = file.pageOffsets[ifd + i];
        if (offset === undefined) break; // tifffile: "OME series contains index out of range"
        refs[start + i] = offset;
      }
    }
  }
  return refs;
}

/** tifffile's OME series; an empty list when no image has planes (then: ImageJ or generic). */
export function omeSeries(file: TiffFile, ome: OmeDocument): Series[] {
  if (ome.binaryOnly) return [];
  const state: UuidState = { root: ome.uuid };
  const series: Series[] = [];
  for (const image of ome.images) {
    for (const pixels of image.pixels) {
      const attr = pixels.attributes;
      let axes = [...(attr.DimensionOrder ?? '')].reverse().join('');
      if (axes === '') throw new Error('invalid OME-XML: Pixels without DimensionOrder');
      let shape = [...axes].map((axis) => omeInt(attr[`Size${axis}`], `Size${axis}`));
      const samples = pixels.channelSamples.map((s) => (s === undefined ? 1 : omeInt(s, 'SamplesPerPixel')));
      const spp = samples[0] ?? 1;
      if (samples.some((s, i) => i > 0 && s !== spp))
        throw new Error('OME series cannot handle differing SamplesPerPixel');
      if (spp > 1) shape = shape.map((size, i) => (axes[i] === 'C' ? Math.floor(size / spp) : size));
      const refs = locatePlanes(file, pixels, axes, shape, state);
      if (refs.every((ref) => ref === null)) continue;
      const firstLocal = refs.includes(file.pageOffsets[0] ?? -1)
        ? file.pageOffsets[0]
        : refs.find((ref): ref is number => typeof ref === 'number');
      const keyframe = firstLocal === undefined ? null : file.pageAt(firstLocal);
      if (spp > 1) {
        if (keyframe === null || keyframe.planarConfig === 1) {
          shape = [...shape, spp];
          axes += 'S';
        } else {
          shape = [...shape.slice(0, -2), spp, ...shape.slice(-2)];
          axes = `${axes.slice(0, -2)}S${axes.slice(-2)}`;
        }
      }
      if (!axes.includes('S')) {
        shape = [...shape, 1];
        axes += 'S';
      }
      if (keyframe === null) {
        // every plane is in another file of the dataset: tifffile opens it; trust the XML
        series.push({
          kind: 'ome',
          shape,
          axes,
          dtype: omeDtype(attr.Type),
          squeeze: true,
          keyframe: file.page(0),
          pages: [],
        });
        continue;
      }
      const squeezed = squeezeAxes(shape, axes).shape;
      const tail = squeezed.slice(-keyframe.shape.length);
      if (tail.length !== keyframe.shape.length || tail.some((size, i) => size !== keyframe.shape[i])) continue;
      const planes = Math.max(Math.floor(product(shape) / product(keyframe.shape)), 1);
      const pages = refs.slice(0, planes).map((ref) => (typeof ref === 'number' ? ref : null));
      // OME-TIFF keeps an image's reduced resolutions in its planes' SubIFDs
      const levels = 1 + keyframe.subIfds.filter((offset) => offset >= 8).length;
      series.push({
        kind: 'ome',
        shape,
        axes,
        dtype: keyframe.dtype ?? 'float64',
        squeeze: true,
        keyframe,
        pages,
        ...(levels > 1 ? { levels } : {}),
      });
    }
  }
  return series;
}
