/**
 * The preview decoder of vendor files: the raw samples of planes of every CZI, ND2, LIF and OIB
 * fixture against an independent reader (build/scripts/make-vendor-planes.py wrote
 * expected-planes.json), the preview made of them, and hostile files: each a clear error.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromArrayBuffer } from 'geotiff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oibPlaneSource, readVendorHeader } from '../../../../../shared/formats';
import { ApiFailure } from '../../../../../shared/errors';
import { createTiffScanner, type TiffScanner } from '../../../../../electron/services/tiff';
import { autoContrast, fitSize } from '../../../../../electron/services/tiff/contrast';
import { decodePlane } from '../../../../../electron/services/tiff/decode-plane';
import { decodeVendorSamples } from '../../../../../electron/services/tiff/decode-vendor-plane';
import type { SampleArray } from '../../../../../electron/services/tiff/plane-samples';
import { FORMAT_FIXTURES, fixtureBytes, recordingSource } from '../../../shared/formats/vendor-source';
import { buildScanWorker } from './build-worker';
import { EXPECTED_PLANES as PLANES, samplesSha256 as sha256, type ExpectedPlane } from './expected-planes';

const nameOf = (relative: string): string => relative.split('/')[1] as string;
const pixels = (image: { data: string }): Uint8Array => new Uint8Array(Buffer.from(image.data, 'base64'));

/** What the independent reader records of a plane (minimum, maximum, sum, pixels), from decoded samples. */
function summaryOf(values: SampleArray, width: number, samples: number) {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
  }
  const spot = (x: number, y: number): number[] => [
    ...values.subarray((y * width + x) * samples, (y * width + x + 1) * samples),
  ];
  return { min, max, sum, spot };
}

type Samples = { width: number; height: number; samples: number; dtype: string; values: SampleArray };

/** Checks decoded samples against the independent reader's record of the plane. */
function expectSamples(raw: Samples, want: ExpectedPlane): void {
  expect({ width: raw.width, height: raw.height, samples: raw.samples, dtype: raw.dtype }).toEqual({
    width: want.width,
    height: want.height,
    samples: want.samples,
    dtype: want.dtype,
  });
  const got = summaryOf(raw.values, raw.width, raw.samples);
  expect({ min: got.min, max: got.max, sum: got.sum }).toEqual({ min: want.min, max: want.max, sum: want.sum });
  for (const { x, y, values } of want.spots) expect(got.spot(x, y), `pixel ${x}, ${y}`).toEqual(values);
  expect(sha256(raw.values)).toBe(want.sha256);
}

const stored = Object.entries(PLANES).flatMap(([relative, planes]) =>
  relative.endsWith('.oib') ? [] : planes.map((plane) => [relative, plane.c, plane.z, plane.t, plane] as const),
);

describe('raw samples of CZI, ND2 and LIF planes match an independent reader', () => {
  it.each(stored)('%s plane c %i z %i t %i', async (relative, c, z, t, want) => {
    const source = recordingSource(fixtureBytes(relative));
    const raw = await decodeVendorSamples(source, readVendorHeader(source, nameOf(relative)), { c, z, t });
    expectSamples(raw, want);
  });

  it('covers zstd, zstd-hdr (hi/lo packed), mosaics, RGB, ND2 channels and LIF sweeps', () => {
    const files = Object.keys(PLANES);
    for (const name of [
      'czitools_newCZI_compressed.czi',
      'czitools_S3_1Pos_2Mosaic_T1_Z1_CH1.czi',
      'pims_nd2_cluster.nd2',
    ])
      expect(files.some((f) => f.endsWith(name))).toBe(true);
    expect(stored.length).toBeGreaterThanOrEqual(20);
  });
});

describe('OIB planes are the TIFF files OibInfo.txt names, decoded by the TIFF decoder', () => {
  const planes = (PLANES['oib/oiffile_test.oib'] ?? []).map((p) => [p.c, p.z, p.t, p] as const);
  it.each(planes)('plane c %i z %i t %i', async (c, z, t, want) => {
    const plane = oibPlaneSource(recordingSource(fixtureBytes('oib/oiffile_test.oib')), { c, z, t });
    expect(plane.name).toBe(want.stream);
    const bytes = plane.source.read(0, plane.source.size);
    const image = await (await fromArrayBuffer(bytes.slice().buffer)).getImage();
    const [raster] = (await image.readRasters()) as unknown as SampleArray[];
    expectSamples(
      {
        width: image.getWidth(),
        height: image.getHeight(),
        samples: 1,
        dtype: 'uint16',
        values: raster as SampleArray,
      },
      want,
    );
  });

  it('the preview of an OIB plane is its TIFF plane auto-contrasted', async () => {
    const image = await decodePlane(
      recordingSource(fixtureBytes('oib/oiffile_test.oib')),
      { c: 2, z: 0, t: 0, maxSize: 64 },
      'a.oib',
    );
    expect(image).toMatchObject({ width: 64, height: 64, channels: 1, sourceWidth: 256, sourceHeight: 256 });
    await expect(
      decodePlane(recordingSource(fixtureBytes('oib/oiffile_test.oib')), { c: 3, z: 0, t: 0, maxSize: 64 }, 'a.oib'),
    ).rejects.toMatchObject({ name: 'PlaneRangeError' });
  });
});

describe('the preview of a vendor plane', () => {
  const preview = (relative: string, c: number, z: number, t: number, maxSize: number) =>
    decodePlane(recordingSource(fixtureBytes(relative)), { c, z, t, maxSize }, nameOf(relative));

  it('is the raw samples auto-contrasted to 8 bits, as a TIFF plane is', async () => {
    const relative = 'czi/czitools_S3_1Pos_2Mosaic_T1_Z1_CH1.czi';
    const source = recordingSource(fixtureBytes(relative));
    const raw = await decodeVendorSamples(source, readVendorHeader(source, nameOf(relative)), { c: 0, z: 0, t: 0 });
    const image = await preview(relative, 0, 0, 0, 4096);
    expect(image).toMatchObject({ width: 295, height: 122, channels: 1, sourceWidth: 295, sourceHeight: 122 });
    expect([...pixels(image)]).toEqual([...autoContrast(raw.values)]);
  });

  it('shows a CZI colour image as RGB: blue and red swapped, 8-bit samples as they are', async () => {
    const relative = 'czi/aicspylibczi_RGB-multichannel.czi';
    const image = await preview(relative, 3, 0, 0, 4096);
    expect(image).toMatchObject({ width: 147, height: 81, channels: 3 });
    const rgb = pixels(image);
    const spots = PLANES[relative]?.find((plane) => plane.c === 3)?.spots ?? [];
    expect(spots.length).toBeGreaterThan(0);
    for (const { x, y, values } of spots) {
      const at = (y * 147 + x) * 3;
      expect([...rgb.subarray(at, at + 3)]).toEqual([...values].reverse());
    }
  });

  it('is downsampled to fit maxSize by nearest neighbour', async () => {
    const image = await preview('czi/czitools_newCZI_compressed.czi', 0, 0, 0, 100);
    expect(image).toMatchObject({ ...fitSize(512, 512, 100), channels: 1, sourceWidth: 512, sourceHeight: 512 });
    expect(pixels(image)).toHaveLength(100 * 100);
    const nd2 = await preview('nd2/pims_nd2_cluster.nd2', 1, 4, 1, 16);
    expect(nd2).toMatchObject({ width: 16, height: 13, channels: 1, sourceWidth: 38, sourceHeight: 31 });
  });

  it('of two ND2 channels or z slices differs, and a plane outside the image is a range error', async () => {
    const first = pixels(await preview('nd2/pims_nd2_cluster.nd2', 0, 4, 0, 64));
    expect(pixels(await preview('nd2/pims_nd2_cluster.nd2', 1, 4, 0, 64))).not.toEqual(first);
    expect(pixels(await preview('nd2/pims_nd2_cluster.nd2', 0, 5, 0, 64))).not.toEqual(first);
    await expect(preview('nd2/pims_nd2_cluster.nd2', 0, 10, 0, 64)).rejects.toMatchObject({ name: 'PlaneRangeError' });
    await expect(preview('nd2/pims_nd2_cluster.nd2', 2, 0, 0, 64)).rejects.toMatchObject({ name: 'PlaneRangeError' });
  });
});

/** A copy of `bytes` with `edit` applied. */
function patched(bytes: Uint8Array, edit: (view: DataView, bytes: Uint8Array) => void): Uint8Array {
  const copy = bytes.slice();
  edit(new DataView(copy.buffer), copy);
  return copy;
}

/** The offset of the first subblock directory entry of a CZI. */
function firstCziEntry(view: DataView): number {
  const directory = Number(view.getBigInt64(32 + 52, true));
  return directory + 32 + 128;
}

/** A CZI whose subblocks all claim another compression (JPEG XR: 4). */
function withCziCompression(bytes: Uint8Array, compression: number): Uint8Array {
  return patched(bytes, (view) => {
    const count = view.getInt32(Number(view.getBigInt64(32 + 52, true)) + 32, true);
    let at = firstCziEntry(view);
    for (let i = 0; i < count; i++) {
      view.setInt32(at + 18, compression, true);
      at += 32 + 20 * view.getInt32(at + 28, true);
    }
  });
}

/** Decodes plane (c, z, t) of `bytes` as `name` at 64 pixels; the error it fails with. */
async function failure(bytes: Uint8Array, name: string, c = 0, z = 0, t = 0): Promise<Error> {
  const error = await decodePlane(recordingSource(bytes), { c, z, t, maxSize: 64 }, name).then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  expect(['VendorReadError', 'TiffReadError', 'PlaneRangeError']).toContain((error as Error).name);
  expect((error as Error).message).not.toBe('');
  return error as Error;
}

describe('hostile and unsupported vendor files fail with a clear error, never a crash', () => {
  it('a compression the preview cannot decode is named', async () => {
    const jpegxr = withCziCompression(fixtureBytes('czi/czitools_100x100.czi'), 4);
    expect((await failure(jpegxr, 'a.czi')).message).toContain('no preview for this compression (jpegxr)');
    const camera = withCziCompression(fixtureBytes('czi/czitools_100x100.czi'), 104);
    expect((await failure(camera, 'a.czi')).message).toContain('no preview for this compression (camera-raw-104)');
  });

  it('a file whose planes are not located fails with the store note', async () => {
    const bytes = patched(fixtureBytes('nd2/pims_nd2_cluster.nd2'), (_, b) => {
      const name = new TextEncoder().encode('ImageDataSeq|0!');
      const at = Buffer.from(b).lastIndexOf(Buffer.from(name));
      b[at + 13] = 0x58; // 'X': the chunk map lists no frame 0
    });
    expect((await failure(bytes, 'a.nd2')).message).toBe('no preview: the file has no ImageDataSeq|0! frame chunk');
  });

  it('a tile that points past the end of the file', async () => {
    const nd2 = patched(fixtureBytes('nd2/pims_nd2_cluster.nd2'), (view, b) => {
      const name = Buffer.from('ImageDataSeq|1!');
      const at = Buffer.from(b).lastIndexOf(name) + name.length;
      view.setBigUint64(at, BigInt(b.length + 4096), true);
    });
    expect((await failure(nd2, 'a.nd2', 0, 1, 0)).message).toMatch(/run past the end/);
    const czi = patched(fixtureBytes('czi/czitools_newCZI_compressed.czi'), (view) => {
      const segment = Number(view.getBigInt64(firstCziEntry(view) + 6, true));
      view.setBigInt64(segment + 32 + 8, 1n << 40n, true);
    });
    expect((await failure(czi, 'a.czi')).message).toMatch(/past the end|runs past/);
  });

  it('corrupt zstd data and a broken ZSTD1 header', async () => {
    const bytes = fixtureBytes('czi/czitools_newCZI_compressed.czi');
    const dataAt = (view: DataView): number => {
      const segment = Number(view.getBigInt64(firstCziEntry(view) + 6, true));
      const metadata = view.getInt32(segment + 32, true);
      const dims = view.getInt32(segment + 32 + 16 + 28, true);
      return segment + 32 + 16 + Math.max(240, 32 + 20 * dims) + metadata;
    };
    const corrupt = patched(bytes, (view, b) => b.fill(0xa5, dataAt(view) + 40, dataAt(view) + 400));
    expect((await failure(corrupt, 'a.czi')).message).toMatch(/zstd|corrupt/);
    const header = patched(withCziCompression(bytes, 6), (view, b) => (b[dataAt(view)] = 7));
    expect((await failure(header, 'a.czi')).message).toContain('unknown header');
    // a zstd frame read as ZSTD1: its magic number is no ZSTD1 header
    expect((await failure(withCziCompression(bytes, 6), 'a.czi')).message).toContain('unknown header');
  });

  it('every fixture cut short', async () => {
    for (const relative of Object.keys(PLANES)) {
      const bytes = fixtureBytes(relative);
      for (const cut of [0, 100, 4096, Math.floor(bytes.length / 2), bytes.length - 41, bytes.length - 1]) {
        const error = await decodePlane(
          recordingSource(bytes.subarray(0, cut)),
          { c: 0, z: 0, t: 0, maxSize: 32 },
          nameOf(relative),
        ).then(
          () => null,
          (e: unknown) => e as Error,
        );
        if (cut <= 100) expect(error, `${relative} cut at ${cut}`).not.toBeNull();
        if (error !== null)
          expect(
            ['VendorReadError', 'TiffReadError', 'PlaneRangeError'],
            `${relative} cut at ${cut}: ${error.message}`,
          ).toContain(error.name);
      }
    }
  });
});

describe('vendor previews through the worker pool (the bundled decoder)', () => {
  let worker: Awaited<ReturnType<typeof buildScanWorker>>;
  let scanner: TiffScanner;
  let folder: string;

  beforeAll(async () => {
    worker = await buildScanWorker();
    scanner = createTiffScanner({ workerScript: worker.script, workers: 1 });
    folder = mkdtempSync(path.join(tmpdir(), 'acqmeta-vendor-preview-'));
  });

  afterAll(async () => {
    await scanner.close();
    await worker.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it('decodes zstd-hdr CZI, ND2 and OIB planes, and names what it cannot decode', async () => {
    const request = { c: 0, z: 0, t: 0, maxSize: 512 };
    const czi = await scanner.preview(
      path.join(FORMAT_FIXTURES, 'czi/czitools_S3_1Pos_2Mosaic_T1_Z1_CH1.czi'),
      request,
    );
    expect(czi).toMatchObject({ width: 295, height: 122, channels: 1 });
    expect(new Set(pixels(czi)).size).toBeGreaterThan(10);
    const nd2 = await scanner.preview(path.join(FORMAT_FIXTURES, 'nd2/pims_nd2_cluster.nd2'), { ...request, z: 4 });
    expect(nd2).toMatchObject({ width: 38, height: 31, channels: 1 });
    const oib = await scanner.preview(path.join(FORMAT_FIXTURES, 'oib/oiffile_test.oib'), { ...request, c: 1 });
    expect(oib).toMatchObject({ width: 256, height: 256, channels: 1 });
    const jpegxr = path.join(folder, 'jpegxr.czi');
    writeFileSync(jpegxr, withCziCompression(fixtureBytes('czi/czitools_100x100.czi'), 4));
    const error = await scanner.preview(jpegxr, request).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiFailure);
    expect((error as ApiFailure).message).toBe('jpegxr.czi: no preview for this compression (jpegxr)');
  });
});
