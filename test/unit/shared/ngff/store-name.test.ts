import { describe, expect, it } from 'vitest';
import { isZarrStoreName, zarrStoreOf } from '../../../../shared/ngff/store-name';

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
});
