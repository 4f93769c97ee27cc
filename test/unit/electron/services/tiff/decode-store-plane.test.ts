/**
 * A store's preview refuses, with its reason and before its memory grows, what would make it
 * cost more than a large honest store: shard indexes piling up, Zstandard frames after the one
 * checked, axes whose names differ only in case, chunks decoded whole far beyond the plane.
 * Each store is built by hand, as a hostile writer would (cases from a review of the preview).
 */
import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Zstd from 'numcodecs/zstd';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalZarrStore } from '../../../../../electron/services/ngff/local-zarr-store';
import { decodeStorePlane } from '../../../../../electron/services/tiff/decode-store-plane';
import { limitedQueue } from '../../../../../electron/services/tiff/zarr-level-reads';
import { zstdDeclaredSize } from '../../../../../electron/services/tiff/zstd-frames';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'acqmeta-store-plane-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const json = (value: unknown): string => `${JSON.stringify(value)}\n`;

/** Writes an NGFF 0.5 store of one level `0` with these axes and array metadata; returns its path. */
async function store(axes: string[], array: Record<string, unknown>): Promise<string> {
  const root = path.join(dir, 'x.ome.zarr');
  await mkdir(path.join(root, '0'), { recursive: true });
  const multiscale = {
    axes: axes.map((name) => ({ name, type: 'space' })),
    datasets: [{ path: '0', coordinateTransformations: [{ type: 'scale', scale: axes.map(() => 1) }] }],
  };
  await writeFile(
    path.join(root, 'zarr.json'),
    json({ zarr_format: 3, node_type: 'group', attributes: { ome: { version: '0.5', multiscales: [multiscale] } } }),
  );
  const metadata = {
    zarr_format: 3,
    node_type: 'array',
    data_type: 'uint8',
    fill_value: 0,
    chunk_key_encoding: { name: 'default', configuration: { separator: '/' } },
    codecs: [{ name: 'bytes', configuration: { endian: 'little' } }],
    ...array,
  };
  await writeFile(path.join(root, '0', 'zarr.json'), json(metadata));
  return root;
}

const grid = (chunk: number[]) => ({ chunk_grid: { name: 'regular', configuration: { chunk_shape: chunk } } });
const plane = (root: string) => decodeStorePlane(new LocalZarrStore(root), { c: 0, z: 0, t: 0, maxSize: 64 });

describe('an OME-Zarr preview', () => {
  it('keeps the shard indexes one plane reads within its budget', async () => {
    // 256 shards, each with an index of a million entries (16 MiB), on a plane of 1 MiB
    const root = await store(['z', 'y', 'x'], {
      shape: [1_048_576, 1024, 1024],
      ...grid([1_048_576, 64, 64]),
      codecs: [
        {
          name: 'sharding_indexed',
          configuration: {
            chunk_shape: [1, 64, 64],
            codecs: [{ name: 'bytes', configuration: { endian: 'little' } }],
            index_codecs: [{ name: 'bytes', configuration: { endian: 'little' } }],
          },
        },
      ],
    });
    for (let y = 0; y < 16; y++) {
      await mkdir(path.join(root, '0', 'c', '0', `${y}`), { recursive: true });
      for (let x = 0; x < 16; x++) {
        const shard = path.join(root, '0', 'c', '0', `${y}`, `${x}`);
        await writeFile(shard, '');
        await truncate(shard, 16 * 1_048_576 + 4); // sparse: it costs no disk
      }
    }
    await expect(plane(root)).rejects.toThrow('shard indexes of more than 67108864 bytes for one plane');
  });

  it('counts every Zstandard frame of a chunk, not only the first', async () => {
    const root = await store(['y', 'x'], {
      shape: [64, 64],
      ...grid([32, 32]),
      codecs: [
        { name: 'bytes', configuration: { endian: 'little' } },
        { name: 'zstd', configuration: { level: 1 } },
      ],
    });
    const zstd = Zstd.fromConfig({ id: 'zstd', level: 1 });
    const small = await zstd.encode(new Uint8Array(16));
    const large = await zstd.encode(new Uint8Array(16 * 1_048_576));
    await mkdir(path.join(root, '0', 'c', '0'), { recursive: true });
    await writeFile(path.join(root, '0', 'c', '0', '0'), Buffer.concat([small, large]));
    await expect(plane(root)).rejects.toThrow(`a Zstandard chunk declares ${16 + 16 * 1_048_576} bytes`);
  });

  it('refuses axes whose names differ only in case', async () => {
    const root = await store(['y', 'Y', 'x'], { shape: [960, 1024, 4096], ...grid([64, 64, 64]) });
    await expect(plane(root)).rejects.toThrow('axes whose names differ only in case are not shown as a plane');
  });

  it('refuses a plane whose chunks decode to far more than it', async () => {
    // a 1 MiB plane in 256 chunks of 96 MiB each, all missing (each would be filled whole)
    const root = await store(['z', 'y', 'x'], { shape: [24_576, 1024, 1024], ...grid([24_576, 64, 64]) });
    await expect(plane(root)).rejects.toThrow('level 0 is too large to preview (1024 × 1024 in 256 chunks');
  });

  it('refuses a sharded level whose index lies at the start of each shard', async () => {
    const root = await store(['y', 'x'], {
      shape: [64, 64],
      ...grid([64, 64]),
      codecs: [
        {
          name: 'sharding_indexed',
          configuration: {
            chunk_shape: [32, 32],
            codecs: [{ name: 'bytes', configuration: { endian: 'little' } }],
            index_codecs: [{ name: 'bytes', configuration: { endian: 'little' } }],
            index_location: 'start',
          },
        },
      ],
    });
    await expect(plane(root)).rejects.toThrow('shards keep their index at the start, which is not read');
  });
});

describe('Zstandard frames', () => {
  it('sum the sizes every frame declares, and refuse what is not whole sized frames', async () => {
    const zstd = Zstd.fromConfig({ id: 'zstd', level: 1 });
    const a = await zstd.encode(new Uint8Array(100));
    const b = await zstd.encode(new Uint8Array(70_000).fill(7));
    expect(zstdDeclaredSize(a)).toBe(100);
    expect(zstdDeclaredSize(Buffer.concat([a, b]))).toBe(70_100);
    expect(zstdDeclaredSize(Buffer.concat([a, Buffer.from([1, 2, 3])]))).toBeNull(); // trailing bytes
    expect(zstdDeclaredSize(a.subarray(0, a.length - 1))).toBeNull(); // cut short
    const skippable = Buffer.from([0x50, 0x2a, 0x4d, 0x18, 0, 0, 0, 0]);
    expect(zstdDeclaredSize(Buffer.concat([skippable, a]))).toBeNull();
    expect(zstdDeclaredSize(new Uint8Array(0))).toBeNull();
  });
});

describe('the chunk queue', () => {
  it('starts no chunk after one failed, and fails once the running ones have ended', async () => {
    const queue = (limitedQueue(2) as () => { add(t: () => Promise<void>): void; onIdle(): Promise<unknown> })();
    const started: number[] = [];
    let finishSecond: () => void = () => undefined;
    let secondEnded = false;
    queue.add(async () => {
      started.push(0);
      throw new Error('damaged chunk');
    });
    queue.add(async () => {
      started.push(1);
      await new Promise<void>((resolve) => (finishSecond = resolve));
      secondEnded = true;
    });
    for (let i = 2; i < 10; i++) queue.add(async () => void started.push(i));
    const idle = queue.onIdle().then(
      () => 'resolved',
      (error: Error) => (secondEnded ? error.message : 'failed while a chunk still ran'),
    );
    await new Promise((resolve) => setImmediate(resolve));
    finishSecond();
    expect(await idle).toBe('damaged chunk');
    expect(started).toEqual([0, 1]);
  });
});
