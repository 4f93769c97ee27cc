/**
 * The images of a source and their full-resolution planes, as the archival copy reads them:
 * vendor planes against the fixtures' reference values (expected-planes.json), TIFF planes
 * against tifffile's, in OME's XYCZT order; what cannot be read is refused in words.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planeAt, sourceImages, type SourceImage } from '../../../../../electron/services/convert/archival-sources';
import { withFileSource, type SampleArray } from '../../../../../electron/services/tiff';
import { FORMAT_FIXTURES } from '../../../shared/formats/vendor-source';
import { EXPECTED_PLANES as EXPECTED, samplesSha256 as sha256, type ExpectedPlane } from '../tiff/expected-planes';

const FIXTURES = path.resolve(__dirname, '../../../../fixtures');
const TIFFFILE_PLANES = path.join(__dirname, 'tifffile-planes.py');

/** What expected.json (independent readers) lists of each vendor fixture's images. */
const SUMMARIES: Record<string, { images: { name: string; shape: string; dtype: string }[] }> = JSON.parse(
  readFileSync(path.join(FORMAT_FIXTURES, 'expected.json'), 'utf8'),
);

/** The images of a fixture, with every plane of the ready ones read while the file is open. */
async function imagesOf(file: string, planes: (image: Extract<SourceImage, { ok: true }>) => number[]) {
  return withFileSource(file, async (source) => {
    const images = await sourceImages(source, path.basename(file));
    const read = new Map<number, SampleArray[]>();
    for (const image of images)
      if (image.ok) read.set(image.index, await Promise.all(planes(image).map(image.readPlane)));
    return { images, read };
  });
}

describe('vendor planes at full resolution', () => {
  // the reference planes of an xz scan are X by Z, a copy's are X by 1 along Z: acqmeta-convert-lif-axes.test.ts
  const xyPlanes = Object.keys(EXPECTED).filter((relative) => !relative.endsWith('_xz.lif'));
  it.each(xyPlanes)('%s: planes equal the reference values', async (relative) => {
    const want = EXPECTED[relative] as ExpectedPlane[];
    let indices: number[] = [];
    const { images, read } = await imagesOf(path.join(FORMAT_FIXTURES, relative), (image) => {
      if (image.index > 0) return [];
      indices = want.map((p) => p.c + image.pixels.sizeC * (p.z + image.pixels.sizeZ * p.t));
      return indices;
    });
    const first = images[0] as Extract<SourceImage, { ok: true }>;
    expect(first.ok).toBe(true);
    want.forEach((plane, i) => {
      expect(planeAt(first.pixels, indices[i] as number)).toEqual({ c: plane.c, z: plane.z, t: plane.t });
      expect(first.pixels).toMatchObject({
        width: plane.width,
        height: plane.height,
        samples: plane.samples,
        dtype: plane.dtype,
      });
      const values = read.get(0)?.[i] as SampleArray;
      for (const { x, y, values: spot } of plane.spots) {
        const at = (y * plane.width + x) * plane.samples;
        // a CZI stores colour blue first; the copy holds it red first
        const expected = plane.samples === 3 && relative.endsWith('.czi') ? [...spot].reverse() : spot;
        expect([...values.subarray(at, at + plane.samples)], `${relative} pixel ${x}, ${y}`).toEqual(expected);
      }
      if (plane.samples === 1) expect(sha256(values)).toBe(plane.sha256);
    });
  });

  it.each([
    'czi/czitools_S3_1Pos_2Mosaic_T1_Z1_CH1.czi',
    'lif/readlif_testdata_2channel_xz.lif',
    'lif/readlif_LeicaLASX_wavelength-sweep_example.lif',
  ])('%s: every image (CZI scene, LIF image) with the shape and type the file gives it', async (relative) => {
    const want = SUMMARIES[relative]?.images ?? [];
    const { images, read } = await imagesOf(path.join(FORMAT_FIXTURES, relative), (image) => [
      image.pixels.sizeC * image.pixels.sizeZ * image.pixels.sizeT - 1,
    ]);
    expect(images.map((image) => image.name)).toEqual(want.map((image) => image.name));
    images.forEach((image, i) => {
      if (!image.ok) throw new Error(`${image.name}: ${image.reason}`);
      const { width, height, samples, sizeC, sizeZ, sizeT, dtype } = image.pixels;
      const shape = (want[i]?.shape.match(/\d+/g) ?? []).map(Number);
      expect(width * height * samples * sizeC * sizeZ * sizeT, image.name).toBe(shape.reduce((a, b) => a * b, 1));
      expect(dtype).toBe(want[i]?.dtype);
      expect(read.get(i)?.[0]?.length).toBe(width * height * samples);
    });
  });
});

const TIFFS = [
  'tiff/generated/imagej-hyperstack-tzcyx-u16.tif',
  'tiff/generated/imagej-be-zcyx-u16.tif',
  'tiff/generated/imagej-rgb-stack.tif',
  'tiff/generated/imagej-virtual-stack.tif',
  'tiff/generated/ome-tzcyx-u8.ome.tif',
  'tiff/generated/ome-bigtiff-f32.ome.tif',
  'tiff/generated/plain-planar-rgb.tif',
  'tiff/generated/shaped-axes-tcyx-i16.tif',
  'tiff/generated/deflate-predictor-u16.tif',
  'tiff/generated/tiled-u16.tif',
  'tiff/generated/twin-raw-rgb.tif',
  'folders/lab/stacks/multipage.tif',
  'tiff/generated/float32.tif',
  'tiff/generated/twin-packbits-gray.tif',
  'tiff/libtiff/rgb-3c-16b.tiff',
  'tiff/libtiff/minisblack-1c-16b.tiff',
  'tiff/libtiff/minisblack-2c-8b-alpha.tiff',
  'tiff/libtiff/deflate-last-strip-extra-data.tiff',
  'tiff/skimage/multipage_rgb.tif',
  'tiff/skimage/chessboard_GRAY_U16B.tif',
];

describe('TIFF planes at full resolution', () => {
  it.each(TIFFS)('%s: every plane equals tifffile’s', async (relative) => {
    const file = path.join(FIXTURES, relative);
    const reference = JSON.parse(execFileSync('/usr/bin/python3', [TIFFFILE_PLANES, file], { encoding: 'utf8' })) as {
      dtype: string;
      planes: string[];
    };
    const { images, read } = await imagesOf(file, (image) => [
      ...Array(image.pixels.sizeC * image.pixels.sizeZ * image.pixels.sizeT).keys(),
    ]);
    expect(images).toHaveLength(1);
    const image = images[0] as Extract<SourceImage, { ok: true }>;
    expect(image.ok).toBe(true);
    expect(image.pixels.dtype).toBe(reference.dtype);
    expect((read.get(0) ?? []).map(sha256)).toEqual(reference.planes);
  });

  it('refuses a file it cannot read, in words', async () => {
    const file = path.join(FIXTURES, 'folders/lab/hostile/test_ifd_loop_to_self.tif');
    const { images } = await imagesOf(file, () => []);
    expect(images).toMatchObject([{ ok: false }]);
    expect(images[0]?.ok === false && images[0].reason.length > 0).toBe(true);
  });
});
