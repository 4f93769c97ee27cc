import { describe, expect, it } from 'vitest';
import { folderToOpen, userDataDir } from '../../../../electron/main/command-line';

describe('folderToOpen', () => {
  it('reads --open <folder> and --open=<folder> wherever they are', () => {
    expect(folderToOpen(['/usr/bin/electron', 'dist/electron/main.cjs', '--open', '/data/lab'])).toBe('/data/lab');
    expect(folderToOpen(['AcqMeta', '--no-sandbox', '--open=/data/my lab'])).toBe('/data/my lab');
  });

  it('is null without the option or without its value', () => {
    expect(folderToOpen(['AcqMeta'])).toBeNull();
    expect(folderToOpen(['AcqMeta', '--open'])).toBeNull();
    expect(folderToOpen(['AcqMeta', '--open='])).toBeNull();
  });
});

describe('userDataDir', () => {
  it('reads --user-data <dir> and --user-data=<dir>, next to --open', () => {
    expect(userDataDir(['electron', 'main.cjs', '--open', '/data/lab', '--user-data', '/tmp/settings'])).toBe(
      '/tmp/settings',
    );
    expect(userDataDir(['AcqMeta', '--user-data=/tmp/s 2'])).toBe('/tmp/s 2');
    expect(folderToOpen(['AcqMeta', '--user-data=/tmp/s', '--open=/data'])).toBe('/data');
  });

  it('is null without the option or its value', () => {
    expect(userDataDir(['AcqMeta', '--open', '/data'])).toBeNull();
    expect(userDataDir(['AcqMeta', '--user-data'])).toBeNull();
  });
});
