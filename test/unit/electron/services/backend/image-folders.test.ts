/**
 * The open folder's image folders as scans and watcher events report them: known only after
 * a complete scan, grown by images that come, unknown again once one goes or another folder opens.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImageRow } from '../../../../../shared/api';
import { ImageFolders } from '../../../../../electron/services/backend/image-folders';

const ROOT = path.join(path.sep, 'lab');
const rows = (...paths: string[]) => paths.map((p) => ({ path: p }) as ImageRow);
const changed = (root: string, added: string[], removed: string[] = []) =>
  ({
    type: 'folder-changed',
    root,
    rows: rows(...added),
    removed,
    profiles: false,
    catalogues: [] as string[],
  }) as const;

describe('ImageFolders', () => {
  it('knows the folders of a scan only once it has listed every image', () => {
    const folders = new ImageFolders();
    expect(folders.known(ROOT)).toBeNull();
    folders.scanStarted(ROOT);
    folders.noteRows(ROOT, rows('a.tif', 'cells/b.tif', 'cells/deep/c.tif'));
    expect(folders.known(ROOT)).toBeNull();
    folders.scanCompleted(ROOT);
    expect(folders.known(ROOT)).toEqual([ROOT, path.join(ROOT, 'cells'), path.join(ROOT, 'cells', 'deep')]);
    expect(folders.known(path.join(path.sep, 'other'))).toBeNull();
  });

  it('adds the folders of images that came, and forgets them all when one went', () => {
    const folders = new ImageFolders();
    folders.scanStarted(ROOT);
    folders.scanCompleted(ROOT);
    folders.noteEvent(changed(ROOT, ['new/x.tif']));
    folders.noteEvent(changed(path.join(path.sep, 'elsewhere'), ['y/z.tif']));
    expect(folders.known(ROOT)).toEqual([ROOT, path.join(ROOT, 'new')]);
    folders.noteEvent(changed(ROOT, [], ['new/x.tif']));
    expect(folders.known(ROOT)).toBeNull();
  });

  it('starts over with a new scan, and knows nothing once another folder is opened', () => {
    const folders = new ImageFolders();
    folders.scanStarted(ROOT);
    folders.noteRows(ROOT, rows('old/a.tif'));
    folders.scanStarted(ROOT);
    folders.noteRows(ROOT, rows('new/a.tif'));
    folders.scanCompleted(ROOT);
    expect(folders.known(ROOT)).toEqual([ROOT, path.join(ROOT, 'new')]);
    folders.forget();
    expect(folders.known(ROOT)).toBeNull();
  });
});
