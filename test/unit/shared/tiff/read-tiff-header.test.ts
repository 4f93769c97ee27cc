import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTiffHeader } from '../../../../shared/tiff';
import { FIXTURES, fixtureSource, memorySource } from './memory-source';

/** What build/scripts/make-tiff-fixtures.py recorded with tifffile for each fixture. */
interface Expected {
  error?: string;
  header?: Record<string, unknown>;
  pageCount?: number;
  compression?: string;
  tiled?: boolean;
  byteOrder?: string;
  bigTiff?: boolean;
  tifffile?: { levels: number };
  fileCalibration?: { x: number; y: number; unit: string; source: string } | null;
}

const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as Record<string, Expected>;

/** Files tifffile reads with a warning that the reader refuses on purpose (see docs/tiff-headers.md). */
const REFUSED_ON_PURPOSE: Record<string, string> = {
  'hostile/huge-description.tif':
    'truncated file: tag ImageDescription (270) at 150 (2147483647 bytes) runs past the end (size 288)',
  'hostile/next-ifd-past-eof.tif': 'truncated file: IFD at 5000 is past the end (size 288)',
  'hostile/strip-offsets-200m.tif':
    'truncated file: tag StripOffsets (273) at 150 (800000000 bytes) runs past the end (size 288)',
};

const readable = Object.entries(expected).filter(([name, e]) => e.error === undefined && !(name in REFUSED_ON_PURPOSE));
const refused = Object.entries(expected).filter(([, e]) => e.error !== undefined);

function read(name: string) {
  return readTiffHeader(fixtureSource(name), { fileName: path.basename(name) });
}

describe('readTiffHeader against tifffile', () => {
  it('covers every kind of fixture', () => {
    expect(readable.length).toBeGreaterThan(60);
    expect(refused.length).toBeGreaterThan(8);
  });

  it.each(readable)('%s: header values as CloudScope derives them', async (name, want) => {
    const info = await read(name);
    expect(info.header).toEqual(want.header);
    expect(info.pageCount).toBe(want.pageCount);
    expect(info.compression).toBe(want.compression);
    expect(info.tiled).toBe(want.tiled);
    expect(info.byteOrder).toBe(want.byteOrder);
    expect(info.bigTiff).toBe(want.bigTiff);
    expect(info.fileCalibration).toEqual(want.fileCalibration);
  });

  it.each(readable)('%s: byte order and resolution levels as the file stores them', async (name, want) => {
    const { acquisition } = await read(name);
    expect(acquisition?.storage).toMatchObject({
      byte_order: want.byteOrder,
      resolution_levels: want.tifffile?.levels,
    });
  });

  it('finds the pyramids tifffile finds: SubIFDs, an OME-TIFF of levels, a shaped file of reduced pages', () => {
    const pyramids = readable.filter(([, want]) => (want.tifffile?.levels ?? 1) > 1).map(([name]) => name);
    expect(pyramids).toEqual(expect.arrayContaining(['generated/ome-pyramid.ome.tif', 'generated/shaped-pyramid.tif']));
    expect(pyramids.length).toBeGreaterThanOrEqual(4);
  });

  it.each(refused)('%s: refused like tifffile refuses it', async (name) => {
    await expect(read(name)).rejects.toThrow(/./);
  });

  it.each(Object.entries(REFUSED_ON_PURPOSE))('%s: refused with a clear message', async (name, message) => {
    await expect(read(name)).rejects.toThrow(message);
  });
});

describe('header details', () => {
  it('reads the spec example: a 2-channel ImageJ file', async () => {
    const info = await read('generated/imagej-2ch-u16.tif');
    expect(info.header).toMatchObject({
      shape: '(2, 32, 24)',
      dims: "('C', 'Y', 'X')",
      sizes: "{'C': 2, 'Y': 32, 'X': 24}",
      dtype: 'uint16',
      num_channels: 2,
      num_scenes: 1,
    });
    expect(info.planes).toEqual({ c: 2, z: 1, t: 1 });
  });

  it('gives a plain tifffile 2-page file ZYX with one channel (QYX falls back on rank)', async () => {
    const info = await read('generated/shaped-2page-u8.tif');
    expect(info.header.dims).toBe("('Z', 'Y', 'X')");
    expect(info.header.num_channels).toBe(1);
    expect(info.description).toEqual({ kind: 'json', text: '{"shape": [2, 16, 16]}' });
  });

  it('prints a one-element shape as Python does', async () => {
    const info = await read('generated/shaped-1d.tif');
    expect(info.header.shape).toBe('(5,)');
    expect(info.header.dims).toBe("('X',)");
  });

  it('counts OME images as scenes and takes the date from AcquisitionDate', async () => {
    const info = await read('generated/multifile-master.ome.tif');
    expect(info.header.num_scenes).toBe(2);
    expect([info.header.date, info.header.time]).toEqual(['20190607', '08:09:10']);
    expect(info.description.kind).toBe('ome');
  });

  it('reports plane counts for the preview sliders', async () => {
    expect((await read('generated/imagej-hyperstack-tzcyx-u16.tif')).planes).toEqual({ c: 2, z: 3, t: 2 });
    expect((await read('generated/ome-tzcyx-u8.ome.tif')).planes).toEqual({ c: 2, z: 3, t: 2 });
    expect((await read('generated/imagej-rgb-stack.tif')).planes).toEqual({ c: 1, z: 3, t: 1 });
    expect((await read('libtiff/minisblack-2c-8b-alpha.tiff')).planes).toEqual({ c: 2, z: 1, t: 1 });
    expect((await read('generated/plain-10page-u8.tif')).planes).toEqual({ c: 1, z: 10, t: 1 });
  });

  it('converts inch and centimetre resolutions to micrometres', async () => {
    expect((await read('generated/plain-single-u16.tif')).fileCalibration).toEqual({
      x: 1,
      y: 1,
      unit: 'um',
      source: 'resolution-cm',
    });
    expect((await read('generated/plain-dpi-rgb.tif')).fileCalibration).toEqual({
      x: 25400 / 300,
      y: 25400 / 300,
      unit: 'um',
      source: 'resolution-inch',
    });
    expect((await read('generated/ome-tzcyx-u8.ome.tif')).fileCalibration).toBeNull();
  });

  it("gives an OME pixel size in X's unit when Y is declared in another", async () => {
    const bytes = readFileSync(path.join(FIXTURES, 'generated/ome-3ch-u16.ome.tif'));
    const edited = Buffer.from(
      bytes
        .toString('latin1')
        .replace(
          'PhysicalSizeY="0.4" PhysicalSizeYUnit="\u00c2\u00b5m"',
          'PhysicalSizeY="400" PhysicalSizeYUnit="nm" ',
        ),
      'latin1',
    );
    expect(edited.length).toBe(bytes.length);
    expect(edited.equals(bytes)).toBe(false);
    const info = await readTiffHeader(memorySource(new Uint8Array(edited)), { fileName: 'ome-3ch-u16.ome.tif' });
    expect(info.fileCalibration).toEqual({ x: 0.25, y: 0.4, unit: 'um', source: 'ome' });
  });

  it("reads a Zeiss LSM's pixel size from CZ_LSMINFO, metres to micrometres", async () => {
    // tifffile: lsm_metadata['VoxelSizeX'] and ['VoxelSizeY'] are 6.918881841365326e-07 (m)
    expect((await read('zeiss/jimpipeline_test.lsm')).fileCalibration).toEqual({
      x: 0.6918881841365326,
      y: 0.6918881841365326,
      unit: 'um',
      source: 'lsm',
    });
    const bytes = readFileSync(path.join(FIXTURES, 'zeiss/jimpipeline_test.lsm'));
    const zeroed = new Uint8Array(bytes);
    zeroed.fill(0, 1820 + 40, 1820 + 56); // VoxelSizeX and Y of the CZ_LSMINFO at offset 1820
    const info = await readTiffHeader(memorySource(zeroed), { fileName: 'jimpipeline_test.lsm' });
    expect(info.fileCalibration).toBeNull();
  });

  it('does not take a 72 dpi default resolution for a calibration', async () => {
    expect((await read('skimage/multipage.tif')).fileCalibration).toBeNull();
  });

  it('reads a 2.6 MB stack with a few small reads', async () => {
    const source = fixtureSource('pims/stuck.tif');
    await readTiffHeader(source);
    expect(source.bytesRead).toBeLessThan(16 * 1024);
  });
});
