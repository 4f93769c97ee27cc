import { describe, expect, it } from 'vitest';
import { locatePlane, openTiff, PlaneRangeError } from '../../../../shared/tiff';
import { fixtureSource } from './memory-source';

async function locate(name: string, request: { c: number; z: number; t: number }) {
  const opened = await openTiff(fixtureSource(name));
  const location = locatePlane(opened, request);
  return {
    ...location,
    pageOffset: location.ifdOffset === null ? null : opened.file.pageOffsets.indexOf(location.ifdOffset),
  };
}

describe('locatePlane', () => {
  it('finds ImageJ hyperstack planes in TZC page order', async () => {
    // TZCYX (2, 3, 2): page = (t * 3 + z) * 2 + c
    expect(await locate('generated/imagej-hyperstack-tzcyx-u16.tif', { c: 1, z: 2, t: 1 })).toMatchObject({
      pageIndex: 11,
      pageOffset: 11,
      sample: 0,
    });
    expect(await locate('generated/imagej-hyperstack-tzcyx-u16.tif', { c: 0, z: 1, t: 0 })).toMatchObject({
      pageIndex: 2,
      sample: 0,
    });
  });

  it('follows the OME dimension order', async () => {
    expect(await locate('generated/ome-tzcyx-u8.ome.tif', { c: 1, z: 0, t: 1 })).toMatchObject({
      pageIndex: 7,
      pageOffset: 7,
    });
  });

  it('picks the sample of a multi-sample page and shows RGB whole', async () => {
    expect(await locate('libtiff/minisblack-2c-8b-alpha.tiff', { c: 1, z: 0, t: 0 })).toMatchObject({
      pageIndex: 0,
      sample: 1,
    });
    expect(await locate('generated/plain-planar-rgb.tif', { c: 0, z: 0, t: 0 })).toMatchObject({ sample: null });
    expect(await locate('generated/imagej-rgb-stack.tif', { c: 0, z: 2, t: 0 })).toMatchObject({
      pageIndex: 2,
      sample: null,
    });
  });

  it('maps an unnamed stack axis to z', async () => {
    expect(await locate('generated/shaped-2page-u8.tif', { c: 0, z: 1, t: 0 })).toMatchObject({
      pageIndex: 1,
      pageOffset: 1,
    });
  });

  it('refuses planes outside the image', async () => {
    const opened = await openTiff(fixtureSource('generated/imagej-2ch-u16.tif'));
    expect(() => locatePlane(opened, { c: 2, z: 0, t: 0 })).toThrow(PlaneRangeError);
    expect(() => locatePlane(opened, { c: 0, z: 1, t: 0 })).toThrow('plane z=1 is out of range (0 to 0)');
  });
});
