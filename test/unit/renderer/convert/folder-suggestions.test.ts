import { describe, expect, it } from 'vitest';
import { isAbsolutePath, matchingFolders, suggestionSource } from '../../../../renderer/src/convert/folder-suggestions';

const folders = (...names: string[]) => names.map((name) => ({ name, path: `/lab/${name}` }));

describe('suggestions for a typed output folder', () => {
  it('lists the open folder, or the subfolder typed, for a relative path', () => {
    expect(suggestionSource('arch', '/data/lab')).toEqual({ listed: '/data/lab', head: '', start: 'arch' });
    expect(suggestionSource('', '/data/lab')).toEqual({ listed: '/data/lab', head: '', start: '' });
    expect(suggestionSource('archive/20', '/data/lab/')).toEqual({
      listed: '/data/lab/archive/',
      head: 'archive/',
      start: '20',
    });
    expect(suggestionSource('archive\\20', 'D:\\lab')).toEqual({
      listed: 'D:\\lab\\archive\\',
      head: 'archive\\',
      start: '20',
    });
  });

  it('lists an absolute path’s own folder', () => {
    expect(suggestionSource('/data/ar', '/data/lab')).toEqual({ listed: '/data/', head: '/data/', start: 'ar' });
    expect(suggestionSource('C:\\out\\x', '/data/lab')).toEqual({ listed: 'C:\\out\\', head: 'C:\\out\\', start: 'x' });
  });

  it('lists nothing without an open folder, or for a path that climbs out of it', () => {
    expect(suggestionSource('arch', '')).toBeNull();
    expect(suggestionSource('../other/x', '/data/lab')).toBeNull();
    expect(suggestionSource('a/../../x', '/data/lab')).toBeNull();
  });

  it('tells absolute paths on either system', () => {
    expect(['/x', 'C:\\x', 'c:/x', '\\\\server\\share'].map(isAbsolutePath)).toEqual([true, true, true, true]);
    expect(['x', 'x/y', 'C:x', '..\\x'].map(isAbsolutePath)).toEqual([false, false, false, false]);
  });

  it('keeps the folders whose names start as typed, in any case, but not the one typed whole', () => {
    const listed = folders('Archive', 'archive-old', 'cells', 'stacks');
    expect(matchingFolders(listed, 'arch').map((f) => f.name)).toEqual(['Archive', 'archive-old']);
    expect(matchingFolders(listed, 'Archive').map((f) => f.name)).toEqual(['archive-old']);
    expect(matchingFolders(listed, '').map((f) => f.name)).toEqual(['Archive', 'archive-old', 'cells', 'stacks']);
    expect(matchingFolders(listed, 'x')).toEqual([]);
  });
});
