import { describe, expect, it } from 'vitest';
import { vetOpenFolder } from '../../../../../electron/main/security/folder-guard';

const CHOSEN = ['/data/lab/2024-05-12', '/home/ana/.config/AcqMeta/Sample Folder'];

describe('vetOpenFolder', () => {
  it('lets the native dialog open (no path)', () => {
    expect(vetOpenFolder({}, CHOSEN)).toBeNull();
    expect(vetOpenFolder({ path: undefined }, CHOSEN)).toBeNull();
  });

  it('opens folders the user already chose, however the path is spelled', () => {
    expect(vetOpenFolder({ path: '/data/lab/2024-05-12' }, CHOSEN)).toBeNull();
    expect(vetOpenFolder({ path: '/data/lab/./2024-05-12/' }, CHOSEN)).toBeNull();
    expect(vetOpenFolder({ path: '/home/ana/.config/AcqMeta/Sample Folder' }, CHOSEN)).toBeNull();
  });

  it.each([
    ['another folder', { path: '/etc' }],
    ['a parent of a chosen folder', { path: '/data/lab' }],
    ['an escape from a chosen folder', { path: '/data/lab/2024-05-12/../../../etc' }],
    ['a relative path', { path: 'data/lab/2024-05-12' }],
    ['a path that is not text', { path: 42 }],
  ])('refuses %s', (_name, request) => {
    expect(vetOpenFolder(request, CHOSEN)).toMatchObject({ code: 'OUTSIDE_FOLDER' });
  });
});
