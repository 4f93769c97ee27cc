import { describe, expect, it } from 'vitest';
import {
  folderOfImage,
  hasInsideSidecar,
  isCollectionMemberPath,
  isOmeZarrPath,
  isStoreFolderPath,
  isZarrStoreName,
  zarrStoreOf,
} from '../../../../shared/ngff/store-name';

describe('Zarr store names', () => {
  it('knows a store by its ending, in any case', () => {
    expect(['a.ome.zarr', 'a.cs.ome.zarr', 'a.zarr', 'A.OME.ZARR'].every(isZarrStoreName)).toBe(true);
    expect(['a.ome.zarr.json', 'a.ome.zarr.zip', 'zarr', 'a.tif', 'a.zarray'].some(isZarrStoreName)).toBe(false);
  });

  it('finds the store a changed path lies in', () => {
    expect(zarrStoreOf('day1/a.ome.zarr/0/1/2/3')).toBe('day1/a.ome.zarr');
    expect(zarrStoreOf('day1/a.ome.zarr')).toBe('day1/a.ome.zarr');
    // a store inside a store (a collection's images) belongs to the outer one
    expect(zarrStoreOf('c.zarr/images/a.ome.zarr/zarr.json')).toBe('c.zarr');
    expect(zarrStoreOf('day1/a.ome.zarr.json')).toBeNull();
    expect(zarrStoreOf('day1/a.tif')).toBeNull();
  });

  it('finds the image of an acqstore collection a changed path lies in', () => {
    expect(zarrStoreOf('d/c.ome.zarr/acq_images/acq_image_000/acqstore/acq_image.json')).toBe(
      'd/c.ome.zarr/acq_images/acq_image_000',
    );
    expect(zarrStoreOf('d/c.ome.zarr/acq_images/acq_image_000')).toBe('d/c.ome.zarr/acq_images/acq_image_000');
    expect(zarrStoreOf('d/c.ome.zarr/acq_images/.hidden/zarr.json')).toBe('d/c.ome.zarr');
    expect(zarrStoreOf('d/c.ome.zarr/acq_images')).toBe('d/c.ome.zarr');
    expect(zarrStoreOf('d/c.ome.zarr/acqstore/acq_image_collection.json')).toBe('d/c.ome.zarr');
  });

  it('knows a collection’s image by its path, with either separator, and keeps its sidecar inside', () => {
    for (const image of [
      'c.ome.zarr/acq_images/acq_image_000',
      '/a/C.OME.ZARR/acq_images/x',
      'a\\c.zarr\\acq_images\\x',
    ]) {
      expect([
        isCollectionMemberPath(image),
        isOmeZarrPath(image),
        isStoreFolderPath(image),
        hasInsideSidecar(image),
      ]).toEqual([true, true, true, true]);
    }
    for (const other of [
      'c.ome.zarr/acq_images',
      'c.ome.zarr/acq_images/.x',
      'c.ome.zarr/images/x',
      'acq_images/x',
      'c.ome.zarr/acq_images/x/y',
    ])
      expect(isCollectionMemberPath(other)).toBe(false);
    expect([hasInsideSidecar('x.cs.ome.zarr'), hasInsideSidecar('d/x.ome.zarr'), hasInsideSidecar('x.tif')]).toEqual([
      true,
      false,
      false,
    ]);
    expect([isOmeZarrPath('d/x.ome.zarr.zip'), isStoreFolderPath('d/x.ome.zarr.zip')]).toEqual([true, false]);
  });

  it('puts a collection’s image in the folder holding the collection', () => {
    expect(folderOfImage('/lab/day1/c.ome.zarr/acq_images/acq_image_000')).toBe('/lab/day1');
    expect(folderOfImage('/lab/day1/cell.tif')).toBe('/lab/day1');
    expect(folderOfImage('/lab/day1/x.cs.ome.zarr')).toBe('/lab/day1');
    expect(folderOfImage('/c.ome.zarr/acq_images/m')).toBe('/');
    expect(folderOfImage('cell.tif')).toBe('');
    expect(folderOfImage('C:\\lab\\c.zarr\\acq_images\\m')).toBe('C:\\lab');
    expect(folderOfImage('E:\\c.zarr\\acq_images\\m')).toBe('E:\\');
  });
});
