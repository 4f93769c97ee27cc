/**
 * The preview of an OME-Zarr store's plane (c, z, t): read at the smallest resolution level
 * whose larger side still fills `maxSize` (the full-resolution level when none is that large),
 * decoded by zarrita over the store confined to its folder, then shown as a vendor file's plane.
 *
 * Bounded before a chunk is read: the plane within the plane limit, each chunk within a quarter
 * of it, at most {@link MAX_PLANE_CHUNKS} chunks and {@link MAX_PLANE_WORK_BYTES} decoded in all,
 * read a few at a time so that those in flight stay within the limit too. Every read is bounded
 * by what it may hold (zarr-level-reads.ts), every codec by the chunk it decodes
 * (bounded-zarr-codecs.ts), and the array zarrita opens must be the one checked.
 */
import * as zarr from 'zarrita';
import { readNgffImage } from '../../../shared/ngff/read-ngff';
import { isObject, keyIn, readDocument } from '../../../shared/ngff/store-keys';
import type { NgffImage, NgffLevel, ZarrStore } from '../../../shared/ngff/types';
import { PlaneRangeError } from '../../../shared/tiff';
import type { PreviewImage } from '../../../shared/api';
import { useBoundedZarrCodecs } from './bounded-zarr-codecs';
import { previewOfSamples } from './decode-vendor-plane';
// zarrita gives the typed array of the sample type, one of those sampleType knows
import { sampleType, type SampleArray } from './plane-samples';
import { MAX_PLANE_BYTES, type PlaneRequest } from './plane-limits';
import { encodedBound, levelStore, limitedQueue } from './zarr-level-reads';

/** Most decoded bytes of one chunk. */
const MAX_CHUNK_BYTES = MAX_PLANE_BYTES / 4;
/** Most chunks one plane may touch (a 4,096-pixel plane in chunks of 32). */
export const MAX_PLANE_CHUNKS = 16_384;
/** Most bytes the chunks of one plane decode to in all (a chunk is decoded whole, though the plane needs a slice of it). */
const MAX_PLANE_WORK_BYTES = 1024 * 1024 * 1024;
/** A dataset path zarrita reads as it is written: zarrita resolves paths as URLs, where `#`, `?` and `%` mean something else. */
const URL_SAFE_PATH = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/** Why a plane cannot be shown, as a preview error (not a request error). */
function fail(message: string): never {
  throw new Error(`OME-Zarr: ${message}`);
}

/** What went wrong inside zarrita, with the cause it wraps (a codec's failure is its cause). */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${message.replace(/^OME-Zarr: /, '')}${cause}`;
}

/** The level to read: the smallest whose larger of Y and X is at least `maxSize`; level 0 when none is. */
function levelFor(image: NgffImage, y: number, x: number, maxSize: number): NgffLevel {
  const area = (level: NgffLevel): number => (level.shape[y] ?? 0) * (level.shape[x] ?? 0);
  const fits = image.levels.filter((level) => Math.max(level.shape[y] ?? 0, level.shape[x] ?? 0) >= maxSize);
  return (
    fits.reduce<NgffLevel | null>((best, level) => (best === null || area(level) < area(best) ? level : best), null) ??
    (image.levels[0] as NgffLevel)
  );
}

/** The selection of plane (c, z, t): the axes at `y` and `x` whole, the asked index on C, Z and T, 0 on any other axis. */
function selectionOf(
  image: NgffImage,
  level: NgffLevel,
  y: number,
  x: number,
  request: { c: number; z: number; t: number },
): (number | null)[] {
  return image.axes.map((axis, i) => {
    if (i === y || i === x) return null;
    const name = axis.name.toLowerCase();
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

/** The positions of the Y and X axes; fails when there are none, or when names differ only in case. */
function planeAxes(image: NgffImage): { y: number; x: number } {
  const names = image.axes.map((axis) => axis.name.toLowerCase());
  if (new Set(names).size !== names.length) fail('axes whose names differ only in case are not shown as a plane');
  const [y, x] = [names.indexOf('y'), names.indexOf('x')];
  if (y < 0 || x < 0 || x < y) fail('the image has no Y axis before an X axis to show as a plane');
  return { y, x };
}

/** Refuses a level whose plane, chunks, work or path go past what a preview reads; the bytes of one decoded chunk. */
function checkLevel(level: NgffLevel, y: number, x: number, sampleBytes: number): number {
  if (level.shape.some((size) => size === 0)) fail(`level ${level.path} has an axis of size 0: there is no plane`);
  const [height, width] = [level.shape[y] as number, level.shape[x] as number];
  const [chunkY, chunkX] = [level.chunks[y] as number, level.chunks[x] as number];
  const chunkBytes = level.chunks.reduce((n, size) => n * size, sampleBytes);
  const chunks = Math.ceil(height / chunkY) * Math.ceil(width / chunkX);
  if (
    width * height * sampleBytes > MAX_PLANE_BYTES ||
    chunkBytes > MAX_CHUNK_BYTES ||
    chunks > MAX_PLANE_CHUNKS ||
    chunks * chunkBytes > MAX_PLANE_WORK_BYTES
  )
    fail(
      `level ${level.path} is too large to preview (${width} × ${height} in ${chunks} chunks of ${chunkBytes} bytes)`,
    );
  if (!URL_SAFE_PATH.test(level.path)) fail(`a preview of level ${JSON.stringify(level.path)} is not made`);
  return chunkBytes;
}

/** Refuses a sharded Zarr v3 level whose shard index lies at the start of each shard (zarrita reads it at the end). */
async function checkShardIndex(store: ZarrStore, image: NgffImage, level: NgffLevel): Promise<void> {
  if (image.zarrFormat !== 3 || !level.codecs.includes('sharding_indexed')) return;
  const doc = await readDocument(store, keyIn(level.path, 'zarr.json'));
  const codecs = Array.isArray(doc?.codecs) ? doc.codecs : [];
  const atStart = codecs.some(
    (codec) => isObject(codec) && isObject(codec.configuration) && codec.configuration.index_location === 'start',
  );
  if (atStart) fail(`level ${level.path}'s shards keep their index at the start, which is not read`);
}

/** Opens the level in zarrita and checks it is the array checked: the same shape, chunks and sample type. */
async function openLevel(store: ZarrStore, image: NgffImage, level: NgffLevel, chunkBytes: number) {
  const location = zarr.root(levelStore(store, level, chunkBytes)).resolve(level.path);
  const array = await (image.zarrFormat === 3 ? zarr.open.v3 : zarr.open.v2)(location, { kind: 'array' }).catch(
    (error: unknown) => fail(reasonOf(error)),
  );
  const same = (a: readonly unknown[], b: readonly unknown[]): boolean => String(a) === String(b);
  if (!same(array.shape, level.shape) || !same(array.chunks, level.chunks) || String(array.dtype) !== level.dtype)
    fail(`level ${level.path} opened as another array than its metadata describes`);
  return array;
}

/** Decodes plane (c, z, t) of `store` (`maxSize` already checked), downsampled and auto-contrasted. */
export async function decodeStorePlane(store: ZarrStore, request: PlaneRequest): Promise<PreviewImage> {
  const image = await readNgffImage(store);
  const { y, x } = planeAxes(image);
  const level = levelFor(image, y, x, request.maxSize);
  const values = await (await levelPlanes(store, image, level))(request);
  const [height, width] = [level.shape[y] as number, level.shape[x] as number];
  return previewOfSamples({ width, height, samples: 1, dtype: level.dtype, bgr: false, values }, request.maxSize);
}

/** A reader of one level's planes: plane (c, z, t), row by row. */
export type LevelPlanes = (plane: { c: number; z: number; t: number }) => Promise<SampleArray>;

/**
 * The reader of the planes of one level of `image`, its array opened and checked once, each
 * plane bounded as a preview's (the plane within the plane limit, its chunks and their work
 * likewise).
 */
export async function levelPlanes(store: ZarrStore, image: NgffImage, level: NgffLevel): Promise<LevelPlanes> {
  useBoundedZarrCodecs();
  const { y, x } = planeAxes(image);
  const type = sampleType(level.dtype);
  if (type === undefined) fail(`a preview of ${level.dtype} samples is not made`);
  const chunkBytes = checkLevel(level, y, x, type.bytes);
  await checkShardIndex(store, image, level);
  const array = await openLevel(store, image, level, chunkBytes);
  const inFlight = Math.max(1, Math.min(4, Math.floor(MAX_PLANE_BYTES / (2 * encodedBound(chunkBytes)))));
  const [height, width] = [level.shape[y] as number, level.shape[x] as number];
  return async (plane) => {
    const read = await zarr
      .get(array, selectionOf(image, level, y, x, plane), { createQueue: limitedQueue(inFlight) })
      .catch((error: unknown) => fail(reasonOf(error)));
    if (!(read.shape.length === 2 && read.shape[0] === height && read.shape[1] === width))
      fail(`level ${level.path} gave a plane of another shape than ${height} × ${width}`);
    return read.data as SampleArray;
  };
}
