import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LabCopy } from '../folder/lab-folder';
import { codeOf, removeTestBundles, startBackend, startOnLab, stopOnLab, type Harness } from './backend-harness';

describe('listFolders (browser mode’s folder dialog)', () => {
  let copy: LabCopy;
  let h: Harness;
  beforeEach(async () => {
    ({ copy, h } = await startOnLab((lab) => ({ allowedRoots: [lab] }), false));
  });
  afterEach(() => stopOnLab(copy, h));
  afterAll(removeTestBundles);

  it('starts no scan from the session call while no folder is open', async () => {
    expect(await h.ok('getSession', { scan: true })).toMatchObject({ folder: null, scanId: null });
    // a scan is under way from the call that starts it, events or not: there is none to cancel
    expect(await h.ok('cancelScan', {})).toEqual({ cancelled: false });
    expect(h.events.filter((e) => e.type.startsWith('scan-'))).toEqual([]);
  });

  it('lists the served folder’s subfolders, sorted, without hidden ones or stores, and no way up from it', async () => {
    await mkdir(path.join(copy.lab, '.thumbnails'));
    // an OME-Zarr store is an image, not a folder to open
    await mkdir(path.join(copy.lab, 'cells', 'a.ome.zarr', '0'), { recursive: true });
    await mkdir(path.join(copy.lab, 'cells', 'session 10'));
    await mkdir(path.join(copy.lab, 'cells', 'session 9'));
    const names = async (request: { path?: string }) => (await h.ok('listFolders', request)).folders.map((f) => f.name);
    expect(await h.ok('listFolders', {})).toMatchObject({ path: copy.lab, parent: null, truncated: false });
    expect(await names({})).toEqual(['cells', 'hostile', 'other', 'stacks']);
    const cells = path.join(copy.lab, 'cells');
    expect(await h.ok('listFolders', { path: cells })).toEqual({
      path: cells,
      parent: copy.lab,
      folders: [
        { name: 'session 9', path: path.join(cells, 'session 9') },
        { name: 'session 10', path: path.join(cells, 'session 10') },
      ],
      truncated: false,
    });
  });

  it('keeps to the folders the server may open, and says why it cannot list one', async () => {
    expect(await h.call('listFolders', { path: copy.base })).toEqual({
      ok: false,
      error: { code: 'OUTSIDE_FOLDER', message: `${copy.base} is outside the folders this server may open.` },
    });
    expect(codeOf(await h.call('listFolders', { path: 'lab' }))).toBe('BAD_REQUEST');
    expect(codeOf(await h.call('listFolders', { path: path.join(copy.lab, 'missing') }))).toBe('NOT_FOUND');
    expect(codeOf(await h.call('listFolders', { path: path.join(copy.lab, 'plain.tiff') }))).toBe('NOT_FOUND');
    await symlink(copy.base, path.join(copy.lab, 'up'));
    expect((await h.ok('listFolders', {})).folders.map((f) => f.name)).not.toContain('up');
    expect(codeOf(await h.call('listFolders', { path: path.join(copy.lab, 'up') }))).toBe('OUTSIDE_FOLDER');
  });

  it('is not offered where the system’s folder dialog is (Electron)', async () => {
    const electron = await startBackend({ door: 'electron' });
    expect(codeOf(await electron.call('listFolders', {}))).toBe('BAD_REQUEST');
    await electron.backend.close();
  });

  it('gives browser mode only the recent folders it may open', async () => {
    const recent = [path.join(copy.lab, 'cells'), '/somewhere/else', copy.lab];
    await h.backend.close();
    h = await startBackend({ allowedRoots: [copy.lab], recent: { list: () => recent, add: () => undefined } });
    expect((await h.ok('getSession', {})).recent).toEqual([path.join(copy.lab, 'cells'), copy.lab]);
  });
});
