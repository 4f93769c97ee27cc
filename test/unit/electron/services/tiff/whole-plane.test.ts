/**
 * A whole TIFF plane copied by rows (whole-plane.ts) against geotiff's own per-sample reading of
 * the same file, for the LZW files Debian's tifffile cannot decode (the other layouts are
 * checked against tifffile in archival-sources.test.ts): strips, tiles, old-style LZW, colour
 * samples interleaved; and, against tifffile, layouts the fixtures lack (tiles cut by the
 * image's edges, strips of a few rows, big-endian colour samples).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromFile } from 'geotiff';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeTiffSamples, withFileSource } from '../../../../../electron/services/tiff';
import { samplesSha256 } from './expected-planes';

const FIXTURES = path.resolve(__dirname, '../../../../fixtures/tiff');

/** Plane 0 of plane 0 as `decodeTiffSamples` reads it. */
function readPlane(file: string) {
  return withFileSource(file, (source) =>
    decodeTiffSamples(source, { c: 0, z: 0, t: 0 }, path.basename(file), 1 << 26),
  );
}

/** Plane 0 as geotiff reads it by itself: its samples interleaved, as a plain array. */
async function geotiffPlane(file: string): Promise<number[]> {
  const tiff = await fromFile(file);
  const image = await tiff.getImage(0);
  return Array.from((await image.readRasters({ interleave: true })) as unknown as ArrayLike<number>);
}

describe('a whole plane copied by rows', () => {
  it.each([
    'generated/twin-lzw-gray.tif',
    'generated/twin-lzw-rgb.tif',
    'libtiff/quad-lzw-compat.tiff',
    'libtiff/tiff_with_subifd_chain.tif',
  ])('%s: equals geotiff’s own reading', async (relative) => {
    const file = path.join(FIXTURES, relative);
    const copied = await readPlane(file);
    const expected = await geotiffPlane(file);
    expect(copied.values.length).toBe(copied.width * copied.height * copied.samples);
    expect(Array.from(copied.values)).toEqual(expected);
  });
});

/** Writes `file` with tifffile: `shape` samples of `dtype` counting up, with `options`; returns their little-endian SHA-256. */
function writeWithTifffile(file: string, dtype: string, shape: number[], options: string): string {
  const script = [
    'import hashlib, sys, numpy, tifffile',
    `a = (numpy.arange(${shape.reduce((x, y) => x * y)}) * 7919 % 65521).astype('${dtype}').reshape(${JSON.stringify(shape)})`,
    `tifffile.imwrite(sys.argv[1], a, ${options})`,
    "print(hashlib.sha256(a.astype(a.dtype.newbyteorder('<')).tobytes()).hexdigest())",
  ].join('\n');
  return execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' }).trim();
}

describe('layouts the fixtures lack, against tifffile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-whole-plane-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [
      'tiles cut by both edges, zlib with a predictor',
      'uint16',
      [70, 100],
      "tile=(32, 48), compression='zlib', predictor=True",
    ],
    ['strips of 7 rows, the last one short', 'float32', [23, 50], 'rowsperstrip=7'],
    ['big-endian colour samples in strips', '>u2', [23, 50, 3], "photometric='rgb', rowsperstrip=5"],
    ['big-endian tiles cut by the edges', '>i2', [40, 40], 'tile=(16, 16)'],
  ])('%s', async (name, dtype, shape, options) => {
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.tif`);
    const expected = writeWithTifffile(file, dtype, shape, options);
    const copied = await readPlane(file);
    expect([copied.width, copied.height]).toEqual([shape[1], shape[0]]);
    expect(samplesSha256(copied.values)).toBe(expected);
  });
});
