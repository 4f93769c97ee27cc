import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../../../shared/errors';
import { createTiffScanner, type TiffScanner } from '../../../../../electron/services/tiff';
import { buildScanWorker } from './build-worker';

const FIXTURES = path.resolve(__dirname, '../../../../fixtures/tiff');
const fixture = (name: string): string => path.join(FIXTURES, name);

let worker: Awaited<ReturnType<typeof buildScanWorker>>;
let scanner: TiffScanner;

beforeAll(async () => {
  worker = await buildScanWorker();
  scanner = createTiffScanner({ workerScript: worker.script, workers: 2 });
});

afterAll(async () => {
  await scanner.close();
  await worker.dispose();
});

async function failureOf(promise: Promise<unknown>): Promise<ApiFailure> {
  const error = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
  if (!(error instanceof ApiFailure)) throw error;
  return error;
}

function openDescriptors(): number {
  return readdirSync('/proc/self/fd').length;
}

/** A thread's nice value (field 19 of its stat). */
function niceOf(tid: string): number {
  const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(') ') + 2).split(' ')[16]);
}

/** The nice value the tests run at: 0 in CI, more when the run itself was started under `nice`. */
const startNice = process.platform === 'linux' ? niceOf(String(process.pid)) : 0;

/** Threads of this process running below the priority the tests started at. */
function loweredThreads(): number {
  return readdirSync('/proc/self/task').filter((tid) => niceOf(tid) > startNice).length;
}

describe('scan through the worker pool', () => {
  it('reads a header in a worker', async () => {
    const info = await scanner.scan(fixture('generated/imagej-hyperstack-tzcyx-u16.tif'));
    expect(info.header.shape).toBe('(2, 3, 2, 16, 16)');
    expect(info.fileCalibration).toEqual({ x: 0.5, y: 0.5, unit: 'um', source: 'imagej' });
  });

  // A run started at the lowest priority leaves the workers no lower one to go to.
  it.runIf(process.platform === 'linux' && startNice < 19)(
    'reads as background work for the app: its workers alone give way to other threads, once their first files are read',
    async () => {
      await scanner.scan(fixture('generated/imagej-hyperstack-tzcyx-u16.tif'));
      expect(loweredThreads()).toBe(0); // the command line's scanner (this one) reads at normal priority
      const app = createTiffScanner({ workerScript: worker.script, workers: 2, background: true });
      const read = (count: number) =>
        Promise.all(
          Array.from({ length: count }, () => app.summary(fixture('generated/imagej-hyperstack-tzcyx-u16.tif'))),
        );
      try {
        await read(32);
        expect(loweredThreads()).toBe(0); // the first rows of a scan do not wait
        await read(400);
        expect(loweredThreads()).toBe(2);
      } finally {
        await app.close();
      }
    },
  );

  it('reads every libtiff sample, IFD loops included, without a crash or a hang', async () => {
    const names = readdirSync(fixture('libtiff'));
    const results = await Promise.allSettled(names.map((name) => scanner.scan(fixture(`libtiff/${name}`))));
    const failed = results.flatMap((r, i) =>
      r.status === 'rejected' ? [[names[i] ?? '', r.reason as ApiFailure] as const] : [],
    );
    expect(failed.map(([name]) => name).sort()).toEqual(['test_ifd_loop_to_first.tif', 'test_ifd_loop_to_self.tif']);
    for (const [name, error] of failed) {
      expect(error.code).toBe('UNREADABLE_IMAGE');
      expect(error.message).toMatch(new RegExp(`^${name.replace(/\./g, '\\.')}: IFD loop at offset \\d+$`));
      expect(error.path).toBe(fixture(`libtiff/${name}`));
    }
  });

  it('turns each hostile file into one error and keeps working', async () => {
    const names = readdirSync(fixture('hostile'));
    const errors = await Promise.all(names.map((name) => failureOf(scanner.scan(fixture(`hostile/${name}`)))));
    for (const [i, error] of errors.entries()) {
      expect(error.code).toBe('UNREADABLE_IMAGE');
      expect(error.message.startsWith(`${names[i]}: `)).toBe(true);
    }
    const info = await scanner.scan(fixture('skimage/multipage.tif'));
    expect('pageCount' in info && info.pageCount).toBe(2);
  });

  it('reports a missing file and a folder as unreadable', async () => {
    const missing = await failureOf(scanner.scan(fixture('nope.tif')));
    expect(missing.message).toBe('nope.tif: file not found');
    const folder = await failureOf(scanner.scan(FIXTURES));
    expect(folder.code).toBe('UNREADABLE_IMAGE');
  });

  it('closes every file it opens, bad files included', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-fd-'));
    try {
      const paths = Array.from({ length: 300 }, (_, i) => path.join(dir, `bad-${i}.tif`));
      for (const p of paths) copyFileSync(fixture('hostile/huge-description.tif'), p);
      scanner.warm(); // every worker running before counting: a worker's own descriptors are not a leak
      await scanner.scan(fixture('generated/float32.tif'));
      const before = openDescriptors();
      await Promise.allSettled(paths.map((p) => scanner.scan(p)));
      expect(openDescriptors()).toBeLessThanOrEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('preview through the worker pool', () => {
  function bytes(image: { data: string }): number[] {
    return [...Buffer.from(image.data, 'base64')];
  }

  it('decodes LZW and PackBits to the same pixels as the raw twin', async () => {
    const request = { c: 0, z: 0, t: 0, maxSize: 1000 };
    const rawRgb = await scanner.preview(fixture('generated/twin-raw-rgb.tif'), request);
    expect(rawRgb).toMatchObject({ width: 40, height: 24, channels: 3, sourceWidth: 40, sourceHeight: 24 });
    expect(bytes(await scanner.preview(fixture('generated/twin-lzw-rgb.tif'), request))).toEqual(bytes(rawRgb));
    const rawGray = bytes(await scanner.preview(fixture('generated/twin-raw-gray.tif'), request));
    expect(bytes(await scanner.preview(fixture('generated/twin-lzw-gray.tif'), request))).toEqual(rawGray);
    expect(bytes(await scanner.preview(fixture('generated/twin-packbits-gray.tif'), request))).toEqual(rawGray);
  });

  it('downsamples to maxSize and stretches 16-bit data over 0..255', async () => {
    const image = await scanner.preview(fixture('libtiff/minisblack-1c-16b.tiff'), { c: 0, z: 0, t: 0, maxSize: 64 });
    expect(image).toMatchObject({ width: 64, height: 62, channels: 1, sourceWidth: 157, sourceHeight: 151 });
    const pixels = bytes(image);
    expect(pixels).toHaveLength(64 * 62);
    expect(Math.min(...pixels)).toBe(0);
    expect(Math.max(...pixels)).toBe(255);
  });

  it('shows the requested plane of a hyperstack', async () => {
    const first = await scanner.preview(fixture('generated/imagej-hyperstack-tzcyx-u16.tif'), {
      c: 0,
      z: 0,
      t: 0,
      maxSize: 16,
    });
    const last = await scanner.preview(fixture('generated/imagej-hyperstack-tzcyx-u16.tif'), {
      c: 1,
      z: 2,
      t: 1,
      maxSize: 16,
    });
    expect(bytes(first)).not.toEqual(bytes(last));
  });

  it('finds planes of an ImageJ stack that has a single IFD (as ImageJ writes files over 4 GB)', async () => {
    const virtual = fixture('generated/imagej-virtual-stack.tif');
    const normal = fixture('generated/imagej-stack-4z.tif');
    expect((await scanner.scan(virtual)).planes).toEqual({ c: 1, z: 4, t: 1 });
    for (const z of [0, 1, 3]) {
      const request = { c: 0, z, t: 0, maxSize: 8 };
      const plane = bytes(await scanner.preview(virtual, request));
      expect(plane).toEqual(bytes(await scanner.preview(normal, request)));
      // plane z has its bright bar in column 2z
      expect([0, 1, 2, 3, 4, 5, 6, 7].filter((x) => plane[x] === 255)).toEqual([2 * z]);
    }
    await expect(scanner.preview(virtual, { c: 0, z: 4, t: 0, maxSize: 8 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('decodes old-style LZW, big-endian float and tiled files', async () => {
    const request = { c: 0, z: 0, t: 0, maxSize: 32 };
    await expect(scanner.preview(fixture('libtiff/quad-lzw-compat.tiff'), request)).resolves.toMatchObject({
      channels: 3,
    });
    await expect(scanner.preview(fixture('generated/ome-bigtiff-f32.ome.tif'), request)).resolves.toMatchObject({
      channels: 1,
    });
    await expect(scanner.preview(fixture('skimage/chessboard_GRAY_U16B.tif'), request)).resolves.toMatchObject({
      width: 32,
    });
    await expect(scanner.preview(fixture('generated/tiled-u16.tif'), request)).resolves.toMatchObject({
      width: 32,
      height: 27,
    });
  });

  it('says which compression it cannot decode', async () => {
    const error = await failureOf(scanner.preview(fixture('libtiff/testfax4.tiff'), { c: 0, z: 0, t: 0, maxSize: 64 }));
    expect(error.message).toBe('testfax4.tiff: AcqMeta cannot decode CCITT_T6 compression');
  });

  it('refuses a plane outside the image as a bad request', async () => {
    const error = await failureOf(
      scanner.preview(fixture('generated/imagej-2ch-u16.tif'), { c: 5, z: 0, t: 0, maxSize: 64 }),
    );
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'imagej-2ch-u16.tif: plane c=5 is out of range (0 to 1)',
    });
    const size = await failureOf(
      scanner.preview(fixture('generated/imagej-2ch-u16.tif'), { c: 0, z: 0, t: 0, maxSize: 0 }),
    );
    expect(size.code).toBe('BAD_REQUEST');
  });

  it('fails on pixel data cut off by truncation', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-cut-'));
    try {
      const whole = readFileSync(fixture('generated/float32.tif'));
      const cut = path.join(dir, 'cut.tif');
      // float32.tif keeps its IFD before the pixels: cut 100 bytes of pixels off the end
      writeFileSync(cut, whole.subarray(0, whole.length - 100));
      const error = await failureOf(scanner.preview(cut, { c: 0, z: 0, t: 0, maxSize: 64 }));
      expect(error.message).toMatch(/^cut\.tif: truncated file: image data at \d+ runs past the end/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
