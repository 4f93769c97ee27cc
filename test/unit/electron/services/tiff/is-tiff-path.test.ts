import { describe, expect, it } from 'vitest';
import { isTiffPath } from '../../../../../electron/services/tiff';

describe('isTiffPath', () => {
  it('accepts TIFF extensions in any case', () => {
    for (const name of ['a.tif', 'a.TIFF', 'cells.ome.tif', 'cells.OME.TIFF', 'big.btf', 'scan.lsm', 'dir/x.Tif']) {
      expect(isTiffPath(name)).toBe(true);
    }
  });

  it('rejects other files and bare extensions', () => {
    for (const name of ['a.tif.json', 'a.oir', 'a.czi', 'notes.txt', '.tif', 'tif', 'a.tiff.bak']) {
      expect(isTiffPath(name)).toBe(false);
    }
  });
});
