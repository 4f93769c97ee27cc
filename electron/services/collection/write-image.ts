/**
 * Writes one image of a collection into its folder: the NGFF group, each level's array and
 * chunks (Blosc frames of Zstandard, bit shuffle), the sidecar, the analyses' result tables and
 * the native manifest. One plane and its reduced levels are in memory at a time; the SHA-256 of every
 * level's plane is kept, for the read-back to compare.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import Zstd from 'numcodecs/zstd';
import { bloscFrame, ZSTD_LEVEL } from '../../../shared/ngff/export/blosc-frame';
import {
  arrayDocument,
  bytesPerSample,
  chunkShapeOf,
  groupDocument,
  imageDocument,
  levelShapes,
  nativeManifest,
  type ExportImage,
} from '../../../shared/ngff/export/collection-documents';
import { halved, sampleOf, tileOf, type Plane } from '../../../shared/ngff/export/level-planes';
import { widenedRange, type SampleRange } from '../../../shared/ngff/export/omero-channels';
import type { ArchivalPixels } from '../../../shared/ome-tiff';
import type { SampleArray } from '../../../shared/sample-array';
import { planeAt } from '../convert';
import type { PlaneReader } from '../convert';
import { ChunkWrites } from './chunk-writes';

/** A plane of an image: its index along T, C and Z (0 for an axis the image lacks). */
export interface PlaneIndex {
  t: number;
  c: number;
  z: number;
}

/** The key of `level`'s plane `at` in an image's digests. */
export const digestKey = (level: number, at: PlaneIndex): string => `${level}/${at.t}/${at.c}/${at.z}`;

/** The SHA-256 of each level's plane, by {@link digestKey}. */
export type PlaneDigests = Map<string, string>;

/** What writing an image needs: its pixels and their reader, and the program writing it. */
export interface ImageSource {
  pixels: ArchivalPixels;
  readPlane: PlaneReader;
  /** The sidecar's exact text. */
  sidecarText: string;
  /** The analyses' result tables, by the path in the image's folder each is written at. */
  tables: ReadonlyMap<string, string>;
  creator: { name: string; version: string };
  signal?: AbortSignal;
  /** Told once per source plane written (all its channels' levels). */
  onPlane?: () => void;
}

const zstd = Zstd.fromConfig({ id: 'zstd', level: ZSTD_LEVEL });
const compress = (bytes: Uint8Array) => zstd.encode(bytes);

/** The little-endian bytes of samples (a typed array's own bytes: AcqMeta runs on little-endian hosts). */
const bytesOf = (values: SampleArray): Uint8Array =>
  new Uint8Array(values.buffer, values.byteOffset, values.byteLength);

const sha256 = (values: SampleArray): string => createHash('sha256').update(bytesOf(values)).digest('hex');

async function writeNew(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, data, { flag: 'wx' });
}

/** The chunk key prefix of a plane: `c/<t>/<c>/<z>`, only for the axes the image has. */
function planePrefix(image: ExportImage, at: PlaneIndex): string {
  const parts = ['c'];
  for (const axis of image.axes)
    if (axis.name === 't' || axis.name === 'c' || axis.name === 'z') parts.push(String(at[axis.name]));
  return parts.join('/');
}

/** Writes every level of one plane, halving as it goes, and keeps each level's digest. */
async function writePlaneLevels(
  folder: string,
  image: ExportImage,
  plane: Plane,
  at: PlaneIndex,
  digests: PlaneDigests,
  writes: ChunkWrites,
  signal: AbortSignal | undefined,
): Promise<void> {
  const typesize = bytesPerSample(image.dtype);
  const levels = levelShapes(image.shape, image.axes);
  let current = plane;
  for (const [level, shape] of levels.entries()) {
    if (level > 0) current = halved(current);
    digests.set(digestKey(level, at), sha256(current.values));
    const chunks = chunkShapeOf(shape, image.axes);
    const [chunkY, chunkX] = chunks.slice(-2) as [number, number];
    const prefix = path.join(folder, String(level), planePrefix(image, at));
    for (let cy = 0; cy * chunkY < current.height; cy++) {
      for (let cx = 0; cx * chunkX < current.width; cx++) {
        signal?.throwIfAborted();
        // the app's backend answers its requests between chunks (a plane's run took up to 0.25 s)
        await nextTurn();
        const tile = tileOf(current, chunkY, chunkX, cy, cx);
        await writes.add(
          path.join(prefix, String(cy), String(cx)),
          await bloscFrame(bytesOf(tile), typesize, compress),
        );
      }
    }
  }
}

/**
 * Writes `image` into `folder` (which must not exist); resolves to its planes' digests. Its root
 * `zarr.json` comes last: the `omero` windows need every channel's samples.
 */
export async function writeImage(folder: string, image: ExportImage, source: ImageSource): Promise<PlaneDigests> {
  const { pixels, signal } = source;
  const digests: PlaneDigests = new Map();
  const ranges: SampleRange[] = [];
  await mkdir(folder);
  for (const [level, shape] of levelShapes(image.shape, image.axes).entries())
    await writeNew(path.join(folder, String(level), 'zarr.json'), arrayDocument(shape, image.axes, image.dtype));
  const planes = pixels.sizeC * pixels.sizeZ * pixels.sizeT;
  const writes = new ChunkWrites();
  try {
    for (let index = 0; index < planes; index++) {
      signal?.throwIfAborted();
      const { c, z, t } = planeAt(pixels, index);
      const values = await source.readPlane(index);
      const plane: Plane = { values, width: pixels.width, height: pixels.height };
      for (let sample = 0; sample < pixels.samples; sample++) {
        const at = { t, c: pixels.samples > 1 ? sample : c, z };
        const own = sampleOf(plane, pixels.samples, sample);
        ranges[at.c] = widenedRange(ranges[at.c], own.values);
        await writePlaneLevels(folder, image, own, at, digests, writes, signal);
      }
      source.onPlane?.();
    }
    await writes.drain();
  } finally {
    // nothing may still be writing into the staging folder once it is removed
    await writes.settle();
  }
  await writeNew(path.join(folder, 'acqstore', 'acq_image.json'), source.sidecarText);
  for (const [relative, text] of source.tables) await writeNew(path.join(folder, ...relative.split('/')), text);
  await writeNew(path.join(folder, 'acqstore', 'manifest.json'), nativeManifest(image));
  await writeNew(path.join(folder, 'zarr.json'), imageDocument(image, source.creator, ranges));
  return digests;
}

/** The empty group documents of a collection's root and of its `acq_images` folder. */
export async function writeCollectionGroups(root: string): Promise<void> {
  await writeNew(path.join(root, 'zarr.json'), groupDocument());
  await writeNew(path.join(root, 'acq_images', 'zarr.json'), groupDocument());
}
