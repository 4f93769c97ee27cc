import { describe, expect, it } from 'vitest';
import { acrossFolders, folderOfRelPath } from '../../../shared/across-folders';

describe('acrossFolders', () => {
  it('takes one file from each folder in turn, each folder in its own order', () => {
    const files = ['a/1.tif', 'a/2.tif', 'a/3.tif', 'b/1.tif', 'a/sub/1.tif', 'b/2.tif', 'top.tif'];
    expect(acrossFolders(files, folderOfRelPath).map((i) => files[i])).toEqual([
      'a/1.tif',
      'b/1.tif',
      'a/sub/1.tif',
      'top.tif',
      'a/2.tif',
      'b/2.tif',
      'a/3.tif',
    ]);
  });

  it('keeps one folder as it is, and an empty list empty', () => {
    expect(acrossFolders(['a/1.tif', 'a/2.tif'], folderOfRelPath)).toEqual([0, 1]);
    expect(acrossFolders([], folderOfRelPath)).toEqual([]);
  });
});
