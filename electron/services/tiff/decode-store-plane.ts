/**
 * The preview of an OME-Zarr store's plane (c, z, t): read at the coarsest resolution level
 * whose larger side still fills `maxSize` (the full-resolution level when none is that large),
 * through zarrita over the store confined to its folder, then shown as a vendor file's plane.
 * Bounded: every chunk the plane touches must decode within the plane limit, and every key read
 * within it too.
 */
import * as zarr from 'zarrita';
import { readNgffImage } from '../../../shared/ngff/read-ngff';
import type { NgffImage, NgffLevel, ZarrStore } from '../../../shared/ngff/types';
import { PlaneRangeError } from '../../../shared/tiff';
import type { PreviewImage } from '../../../shared/api';
import { LocalZarrStore } from '../ngff/local-zarr-store';
import { previewOfSamples } from './decode-vendor-plane';
// zarrita gives the typed array of the sample type, one of those sampleType knows
import { sampleType, type SampleArray } from './plane-samples';
import { MAX_PLANE_BYTES } from './plane-limits';
import type { PlaneRequest } from './decode-plane';

/** Why a plane cannot be shown, as a preview error (not a request error). */
function fail(message: string): never {
  throw new Error(`OME-Zarr: ${message}`);
}

/** zarrita's view of a store: absolute keys (`/0/c/0/0`), absent keys undefined, every read bounded. */
function zarritaStore(store: ZarrStore): zarr.Readable {
  const key = (path: string): string => path.replace(/^\//, '');
  return {
    async get(path) {
      return (await store.get(key(path), MAX_PLANE_BYTES)) ?? undefined;
    },
    async getRange(path, range) {
      return (await store.getRange?.(key(path), range, MAX_PLANE_BYTES)) ?? undefined;
    },
  };
}

/** The level to read: the coarsest whose larger of Y and X is at least `maxSize`; level 0 when none is. */
function levelFor(image: NgffImage, y: number, x: number, maxSize: number): NgffLevel {
  const fits = image.levels.filter((level) => Math.max(level.shape[y] ?? 0, level.shape[x] ?? 0) >= maxSize);
  return fits.at(-1) ?? (image.levels[0] as NgffLevel);
}

/** The selection of plane (c, z, t): the plane's Y and X whole, the asked index on C, Z and T, 0 on any other axis. */
function selectionOf(image: NgffImage, level: NgffLevel, request: PlaneRequest): (number | null)[] {
  return image.axes.map((axis, i) => {
    const name = axis.name.toLowerCase();
    if (name === 'y' || name === 'x') return null;
    const index =
      name === 'c' || axis.type === 'channel'
        ? request.c
        : name === 'z'
          ? request.z
          : name === 't' || axis.type === 'time'
            ? request.t
            : 0;
    const size = level.shape[i] ?? 0;
    if (index >= size) throw new PlaneRangeError(`${axis.name} ${index} is past the image's ${size}`);
    return index;
  });
}

/** Decodes plane (c, z, t) of the store at `absPath` (`maxSize` already checked), downsampled and auto-contrasted. */
export async function decodeStorePlane(absPath: string, request: PlaneRequest): Promise<PreviewImage> {
  const store = new LocalZarrStore(absPath);
  const image = await readNgffImage(store);
  const names = image.axes.map((axis) => axis.name.toLowerCase());
  const y = names.indexOf('y');
  const x = names.indexOf('x');
  if (y < 0 || x < 0 || x < y) fail('the image has no Y axis before an X axis to show as a plane');
  const level = levelFor(image, y, x, request.maxSize);
  const type = sampleType(level.dtype);
  if (type === undefined) fail(`a preview of ${level.dtype} samples is not made`);
  const selection = selectionOf(image, level, request);
  const height = level.shape[y] as number;
  const width = level.shape[x] as number;
  const chunkBytes = level.chunks.reduce((n, size) => n * size, type.bytes);
  if (width * height * type.bytes > MAX_PLANE_BYTES || chunkBytes > MAX_PLANE_BYTES)
    fail(`level ${level.path} is too large to preview (${width} × ${height}, chunks of ${chunkBytes} bytes)`);
  const root = zarr.root(zarritaStore(store));
  const location = root.resolve(level.path);
  const array = await (image.zarrFormat === 3 ? zarr.open.v3 : zarr.open.v2)(location, { kind: 'array' });
  const plane = await zarr.get(array, selection);
  return previewOfSamples(
    { width, height, samples: 1, dtype: level.dtype, bgr: false, values: plane.data as SampleArray },
    request.maxSize,
  );
}
