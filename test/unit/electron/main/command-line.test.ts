import { describe, expect, it } from 'vitest';
import { folderToOpen } from '../../../../electron/main/command-line';

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
