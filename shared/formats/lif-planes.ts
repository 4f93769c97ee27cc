/**
 * Where the planes of a LIF image lie in its memory block, laid one of two ways. `stored`: the
 * image's first two dimensions make the plane, as the preview shows it (an xz scan is X by Z,
 * its planes along Y where it has one). `xy`: X by Y, whatever the file stores first, as an
 * OME-TIFF holds planes, each dimension named as its `DimID` says (an xz scan is X by 1, its
 * planes along Z). Wavelength sweeps (`DimID` 5 and 9) are channels; a dimension no axis holds
 * (mosaic tiles, rotations, a `DimID` no reader knows) leaves the image without a store, and
 * says why, rather than lose its planes.
 */
import type { BoundedReader } from '../tiff/bounded-reader';
import { fail } from './bytes';
import { findLifBlock } from './lif-container';
import { lifDtype, lifSampleBytes, type LifDimension, type LifImage } from './lif-image';
import {
  MAX_STORED_PLANES,
  tooManyPlanes,
  type PlaneStore,
  type PlaneTile,
  type StoredPlane,
  type VendorReadOptions,
} from './types';

/** How a LIF image's planes are laid (the read options' `planeAxes`). */
export type LifPlaneAxes = NonNullable<VendorReadOptions['planeAxes']>;

/** The dimensions a plane spans and those its planes run along; absent ones have one element. */
export interface LifAxes {
  x?: LifDimension;
  y?: LifDimension;
  z?: LifDimension;
  t?: LifDimension;
  /** The wavelength sweep, whose elements are channels (times the image's channels). */
  lambda?: LifDimension;
}

/** What each `DimID` is, for a note naming a dimension no axis holds. */
const KINDS: Readonly<Record<number, string>> = { 6: 'rotation', 10: 'mosaic tile' };

/** Most row tiles one image's store lists: rows not next to each other are read one by one up to it. */
const MAX_ROW_TILES = 1_000_000;

/** The image's axes laid as `layout` says. */
export function lifAxes(image: LifImage, layout: LifPlaneAxes): LifAxes {
  const byId = (id: number): LifDimension | undefined => image.dims.find((d) => d.id === id);
  const lambda = image.dims.find((d) => d.letter === 'C');
  if (layout === 'xy') return { x: byId(1), y: byId(2), z: byId(3), t: byId(4), lambda };
  const [x, y] = image.dims;
  const rest = image.dims.slice(2);
  const stack = rest.find((d) => d.letter === 'Z') ?? rest.find((d) => d.letter === 'Y');
  return { x, y, z: stack, t: rest.find((d) => d.letter === 'T'), lambda: rest.find((d) => d.letter === 'C') };
}

/** How many channels (times the wavelength sweep), slices and time points the planes laid along `axes` make. */
export function lifPlaneCounts(image: LifImage, axes: LifAxes): { c: number; z: number; t: number } {
  const c = Math.max(image.channels.length, 1) * (axes.lambda?.count ?? 1);
  return { c, z: axes.z?.count ?? 1, t: axes.t?.count ?? 1 };
}

/** Why the image's planes cannot be located as `axes` lay them; undefined when they can. */
function unplaced(image: LifImage, axes: LifAxes): string | undefined {
  if (image.dims.length === 0) return 'the image has no dimensions';
  if (image.dims.filter((d) => d.letter === 'C').length > 1)
    return 'two wavelength sweeps are not located for the preview';
  const held = new Set(Object.values(axes));
  const left = image.dims.find((d) => !held.has(d) && d.count > 1);
  if (left?.letter === 'M') return 'mosaic tiles are not located for the preview';
  if (left !== undefined)
    return `its dimension DimID ${left.id} (${KINDS[left.id] ?? 'a kind AcqMeta does not know'}, ${left.count} elements) is no axis of an image`;
  return undefined;
}

/** The tiles of one plane at `offset`: one span, or one per row when rows lie apart (and the count allows). */
function planeTiles(offset: number, store: PlaneStore, sampleBytes: number, rowTiles: boolean): PlaneTile[] {
  const { width, height } = store;
  const pixelStride = store.pixelStride ?? sampleBytes;
  const rowStride = store.rowStride ?? 0;
  const row = (width - 1) * pixelStride + sampleBytes;
  if (!rowTiles) return [{ kind: 'bytes', offset, length: (height - 1) * rowStride + row, x: 0, y: 0, width, height }];
  return Array.from({ length: height }, (_, y) => ({
    kind: 'bytes' as const,
    offset: offset + y * rowStride,
    length: row,
    x: 0,
    y,
    width,
    height: 1,
  }));
}

/**
 * Where each (c, z, t) plane of the image lies, its planes laid along `axes`: uncompressed, at
 * fixed strides. A plane that runs past its memory block has no tiles.
 */
export function lifPlaneStore(
  reader: BoundedReader,
  start: number,
  image: LifImage,
  axes: LifAxes,
): { store: PlaneStore | null; note?: string } {
  const why = unplaced(image, axes);
  if (why !== undefined) return { store: null, note: why };
  if (image.memorySize <= 0) return { store: null, note: 'the image has no memory block' };
  const block = findLifBlock(reader, start, image.memoryId);
  if (block === null) fail(`the LIF file has no memory block ${image.memoryId} for image ${image.name}`);
  const bytes = lifSampleBytes(image);
  const channels = image.channels.length > 0 ? image.channels : [{ bytesInc: 0 }];
  const count = (d: LifDimension | undefined): number => d?.count ?? 1;
  const step = (d: LifDimension | undefined): number => d?.bytesInc ?? 0;
  const { c: sweep, z: slices, t: times } = lifPlaneCounts(image, axes);
  const total = sweep * slices * times;
  if (total > MAX_STORED_PLANES) return { store: null, note: tooManyPlanes(total) };
  const store: PlaneStore = {
    compression: 'none',
    dtype: lifDtype(image),
    samples: 1,
    width: count(axes.x),
    height: count(axes.y),
    pixelStride: step(axes.x) || bytes,
    rowStride: step(axes.y),
    planes: [],
  };
  const apart = store.height > 1 && step(axes.y) > store.width * (store.pixelStride ?? bytes);
  const rowTiles = apart && total * store.height <= MAX_ROW_TILES;
  const planes: StoredPlane[] = store.planes;
  for (let c = 0; c < sweep; c++) {
    for (let z = 0; z < slices; z++) {
      for (let t = 0; t < times; t++) {
        const offset =
          block.offset +
          (channels[c % channels.length]?.bytesInc ?? 0) +
          Math.floor(c / channels.length) * step(axes.lambda) +
          z * step(axes.z) +
          t * step(axes.t);
        const tiles = planeTiles(offset, store, bytes, rowTiles);
        const inside = tiles.every(
          (tile) => tile.kind === 'bytes' && tile.offset + tile.length <= block.offset + block.size,
        );
        planes.push({ c, z, t, sampleOffset: 0, tiles: inside ? tiles : [] });
      }
    }
  }
  return { store };
}
