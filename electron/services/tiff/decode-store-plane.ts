/**
 * The preview of an OME-Zarr store's plane (c, z, t): read at the coarsest resolution level
 * whose larger side still fills `maxSize` (the full-resolution level when none is that large),
 * decoded by zarrita over the store confined to its folder, then shown as a vendor file's plane.
 *
 * Bounded before a chunk is read: the plane within the plane limit, each chunk within a quarter
 * of it, at most {@link MAX_PLANE_CHUNKS} chunks, read a few at a time so that those in flight
 * stay within the limit too. Every read is bounded by what it may hold (a chunk's declared bytes,
 * compressed or not; a shard's index), every codec by the chunk it decodes
 * (bounded-zarr-codecs.ts), and zarrita may read nothing but the level's own keys.
 */
import * as zarr from 'zarrita';
import { readNgffImage } from '../../../shared/ngff/read-ngff';
import { MAX_DOCUMENT_BYTES } from '../../../shared/ngff/store-keys';
import type { NgffImage, NgffLevel, ZarrStore } from '../../../shared/ngff/types';
import { PlaneRangeError } from '../../../shared/tiff';
import type { PreviewImage } from '../../../shared/api';
import { LocalZarrStore } from '../ngff/local-zarr-store';
import { useBoundedZarrCodecs } from './bounded-zarr-codecs';
import { previewOfSamples } from './decode-vendor-plane';
// zarrita gives the typed array of the sample type, one of those sampleType knows
import { sampleType, type SampleArray } from './plane-samples';
import { MAX_PLANE_BYTES } from './plane-limits';
import type { PlaneRequest } from './decode-plane';

/** Most decoded bytes of one chunk. */
const MAX_CHUNK_BYTES = MAX_PLANE_BYTES / 4;
/** Most chunks one plane may touch (a 4,096-pixel plane in chunks of 32). */
export const MAX_PLANE_CHUNKS = 16_384;
/** Most bytes of a shard's index (16 bytes a chunk, a million chunks). */
const MAX_SHARD_INDEX_BYTES = 16 * 1024 * 1024 + 4;
/** A dataset path zarrita reads as it is written: zarrita resolves paths as URLs, where `#`, `?` and `%` mean something else. */
const URL_SAFE_PATH = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/** Why a plane cannot be shown, as a preview error (not a request error). */
function fail(message: string): never {
  throw new Error(`OME-Zarr: ${message}`);
}

/** The most bytes a chunk of `rawBytes` may take compressed (an incompressible chunk grows a little). */
const encodedBound = (rawBytes: number): number => rawBytes + Math.ceil(rawBytes / 16) + 64 * 1024;

/** zarrita's view of the store: the level's keys only (`/0/c/0/0`), absent keys undefined, each read bounded. */
function levelStore(store: ZarrStore, level: NgffLevel, chunkBytes: number): zarr.Readable {
  const keyOf = (path: string): string => {
    const key = path.replace(/^\//, '');
    if (!key.startsWith(`${level.path}/`)) fail(`a read of ${key}, outside level ${level.path}, was refused`);
    return key;
  };
  const isMetadata = (key: string): boolean => /(^|\/)(zarr\.json|\.zarray|\.zattrs)$/.test(key);
  return {
    async get(path) {
      const key = keyOf(path);
      return (await store.get(key, isMetadata(key) ? MAX_DOCUMENT_BYTES : encodedBound(chunkBytes))) ?? undefined;
    },
    async getRange(path, range) {
      const maxBytes = 'suffixLength' in range ? MAX_SHARD_INDEX_BYTES : encodedBound(chunkBytes);
      return (await store.getRange?.(keyOf(path), range, maxBytes)) ?? undefined;
    },
  };
}

/** A chunk queue that runs at most `limit` chunks at once (zarrita's own starts them all). */
function limitedQueue(limit: number): zarr.GetOptions['createQueue'] {
  return () => {
    const tasks: (() => Promise<void>)[] = [];
    return {
      add: (task) => void tasks.push(task),
      async onIdle() {
        let next = 0;
        const run = async (): Promise<void> => {
          while (next < tasks.length) await (tasks[next++] as () => Promise<void>)();
        };
        return Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, run));
      },
    };
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

/** Refuses a level whose plane, chunks or path go past what a preview reads. */
function checkLevel(level: NgffLevel, y: number, x: number, sampleBytes: number): number {
  const [height, width] = [level.shape[y] as number, level.shape[x] as number];
  const [chunkY, chunkX] = [level.chunks[y] as number, level.chunks[x] as number];
  const chunkBytes = level.chunks.reduce((n, size) => n * size, sampleBytes);
  const chunks = Math.ceil(height / chunkY) * Math.ceil(width / chunkX);
  if (width * height * sampleBytes > MAX_PLANE_BYTES || chunkBytes > MAX_CHUNK_BYTES || chunks > MAX_PLANE_CHUNKS)
    fail(
      `level ${level.path} is too large to preview (${width} × ${height} in ${chunks} chunks of ${chunkBytes} bytes)`,
    );
  if (!URL_SAFE_PATH.test(level.path)) fail(`a preview of level ${JSON.stringify(level.path)} is not made`);
  return chunkBytes;
}

/** Decodes plane (c, z, t) of the store at `absPath` (`maxSize` already checked), downsampled and auto-contrasted. */
export async function decodeStorePlane(absPath: string, request: PlaneRequest): Promise<PreviewImage> {
  useBoundedZarrCodecs();
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
  const chunkBytes = checkLevel(level, y, x, type.bytes);
  const location = zarr.root(levelStore(store, level, chunkBytes)).resolve(level.path);
  const array = await (image.zarrFormat === 3 ? zarr.open.v3 : zarr.open.v2)(location, { kind: 'array' });
  if (String(array.shape) !== String(level.shape) || String(array.chunks) !== String(level.chunks))
    fail(`level ${level.path} opened as another array than its metadata describes`);
  const inFlight = Math.max(1, Math.min(4, Math.floor(MAX_PLANE_BYTES / (2 * encodedBound(chunkBytes)))));
  const plane = await zarr.get(array, selection, { createQueue: limitedQueue(inFlight) }).catch((error: unknown) => {
    // zarrita names the codec that failed; the reason is its cause
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return fail(`${error instanceof Error ? error.message : String(error)}${cause}`);
  });
  return previewOfSamples(
    {
      width: level.shape[x] as number,
      height: level.shape[y] as number,
      samples: 1,
      dtype: level.dtype,
      bgr: false,
      values: plane.data as SampleArray,
    },
    request.maxSize,
  );
}
