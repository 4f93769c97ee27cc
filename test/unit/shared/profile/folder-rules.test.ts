import { describe, expect, it } from 'vitest';
import { checkFolderRules, loadProfile } from '../../../../shared/profile';
import { exampleProfileText } from './profile-helpers';

const vascular = loadProfile(exampleProfileText('vascular-lab'), 'p').compiled!.folder!;

describe('checkFolderRules', () => {
  it('is content when every required pattern matches a file', () => {
    expect(checkFolderRules(vascular, ['README.md', 'raw/day1/m1.tif', 'raw/day1/m2.tiff', 'notes.txt'], '')).toEqual(
      [],
    );
  });

  it('reports each missing required file once for the folder, however many files there are', () => {
    const files = Array.from({ length: 50 }, (_, i) => `analysis/r${i}.csv`);
    expect(checkFolderRules(vascular, files, 'ds1')).toEqual([
      {
        path: 'ds1',
        message: 'missing the acquired images (raw/): no file matches ^raw/.+\\.tiff?$',
        rule: '^raw/.+\\.tiff?$',
      },
      { path: 'ds1', message: "missing the dataset's readme: no file matches ^README\\.md$", rule: '^README\\.md$' },
    ]);
    expect(checkFolderRules(vascular, ['raw/a.tif'], '')).toEqual([
      { path: '.', message: "missing the dataset's readme: no file matches ^README\\.md$", rule: '^README\\.md$' },
    ]);
  });

  it('lists the files that match no rule when the folder is closed', () => {
    const closed = { ...vascular, closed: true };
    expect(
      checkFolderRules(closed, ['README.md', 'raw/a.tif', 'analysis/x.csv', 'raw/a.png', 'scratch.txt'], 'ds1'),
    ).toEqual([
      { path: 'ds1/raw/a.png', message: 'matches none of the folder rules of the profile' },
      { path: 'ds1/scratch.txt', message: 'matches none of the folder rules of the profile' },
    ]);
  });
});
