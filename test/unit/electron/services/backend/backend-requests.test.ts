import { copyFile, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LabCopy } from '../folder/lab-folder';
import { codeOf, removeTestBundles, startBackend, startOnLab, stopOnLab, type Harness } from './backend-harness';

describe('backend requests', () => {
  let copy: LabCopy;
  let h: Harness;
  beforeEach(async () => {
    ({ copy, h } = await startOnLab((lab) => ({ allowedRoots: [lab] }), false));
  });
  afterEach(() => stopOnLab(copy, h));
  afterAll(removeTestBundles);
  const restart = async (options: Parameters<typeof startBackend>[0]): Promise<Harness> => {
    await h.backend.close();
    return startBackend(options);
  };

  it('refuses unknown methods and requests that do not match their schema', async () => {
    expect(codeOf(await h.backend.call('deleteEverything', {}))).toBe('BAD_REQUEST');
    expect(codeOf(await h.backend.call('toString', {}))).toBe('BAD_REQUEST');
    expect(codeOf(await h.backend.call('getSession', { extra: 1 }))).toBe('BAD_REQUEST');
    expect(codeOf(await h.backend.call('getSession', null))).toBe('BAD_REQUEST');
    expect(codeOf(await h.backend.call('reloadRow', {}))).toBe('BAD_REQUEST');
    expect(codeOf(await h.backend.call('reloadRow', { path: 7 }))).toBe('BAD_REQUEST');
    expect(codeOf(await h.backend.call('getPreview', { path: 'plain.tiff', c: 0, z: 0, t: -1, maxSize: 256 }))).toBe(
      'BAD_REQUEST',
    );
    const badField = { saves: [{ path: 'plain.tiff', changes: { password: 'x' }, expected: null }] };
    const result = await h.backend.call('saveSidecars', badField);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: 'saveSidecars: request saves[0].changes has an unexpected key "password".',
      },
    });
    expect(await h.backend.call('getSession', { extra: 1 })).toMatchObject({
      error: { message: 'getSession: the request must NOT have additional properties (extra).' },
    });
  });

  it('answers NO_FOLDER until a folder is open', async () => {
    expect(codeOf(await h.call('scanFolder', {}))).toBe('NO_FOLDER');
    expect(codeOf(await h.call('reloadRow', { path: 'plain.tiff' }))).toBe('NO_FOLDER');
  });

  it('opens only existing folders inside the allowed roots and remembers them', async () => {
    const recent: string[] = [];
    h = await restart({ allowedRoots: [copy.lab], recent: { list: () => recent, add: (p) => recent.unshift(p) } });
    expect(codeOf(await h.call('openFolder', { path: 'lab' }))).toBe('BAD_REQUEST');
    expect(codeOf(await h.call('openFolder', { path: path.join(copy.lab, 'missing') }))).toBe('NOT_FOUND');
    expect(codeOf(await h.call('openFolder', { path: path.join(copy.lab, 'plain.tiff') }))).toBe('NOT_FOUND');
    expect(codeOf(await h.call('openFolder', { path: copy.base }))).toBe('OUTSIDE_FOLDER');
    await symlink(copy.base, path.join(copy.lab, 'up'));
    expect(codeOf(await h.call('openFolder', { path: path.join(copy.lab, 'up') }))).toBe('OUTSIDE_FOLDER');
    expect(await h.ok('openFolder', { path: path.join(copy.lab, 'cells') })).toEqual({
      root: path.join(copy.lab, 'cells'),
      name: 'cells',
    });
    expect(await h.ok('getSession', {})).toEqual({
      door: 'browser',
      folder: { root: path.join(copy.lab, 'cells'), name: 'cells' },
      recent: [path.join(copy.lab, 'cells')],
      sampleFolder: null,
      watching: null,
      scanId: null,
    });
  });

  it('asks the native dialog when no path is given', async () => {
    const answers = [null, copy.lab];
    h = await restart({ door: 'electron', chooseFolder: async () => answers.shift() ?? null });
    expect(await h.ok('openFolder', {})).toBeNull();
    expect(await h.ok('openFolder', {})).toEqual({ root: copy.lab, name: 'lab' });
    const browser = await startBackend();
    expect(codeOf(await browser.call('openFolder', {}))).toBe('BAD_REQUEST');
    await browser.backend.close();
  });

  it('answers the native dialog’s choice of an output folder without opening it', async () => {
    const purposes: string[] = [];
    const answers = [null, copy.base];
    h = await restart({
      door: 'electron',
      initialFolder: copy.lab,
      chooseFolder: async (purpose) => {
        purposes.push(purpose);
        return answers.shift() ?? null;
      },
    });
    expect(await h.ok('chooseFolderPath', {})).toEqual({ path: null });
    expect(await h.ok('chooseFolderPath', {})).toEqual({ path: copy.base });
    expect(purposes).toEqual(['output', 'output']);
    expect((await h.ok('getSession', {})).folder).toEqual({ root: copy.lab, name: 'lab' });
    const browser = await startBackend();
    expect(codeOf(await browser.call('chooseFolderPath', {}))).toBe('BAD_REQUEST');
    await browser.backend.close();
  });

  it('opens the initial folder before the first call', async () => {
    h = await restart({ initialFolder: copy.lab });
    expect((await h.ok('getSession', {})).folder).toEqual({ root: copy.lab, name: 'lab' });
  });

  describe('path confinement', () => {
    beforeEach(async () => {
      await h.ok('openFolder', { path: copy.lab });
    });

    it.each(['../lab/plain.tiff', 'cells/../../x.tif', '/etc/passwd', 'C:\\Windows\\x.tif', 'plain.tiff\0.tif'])(
      'refuses %j with OUTSIDE_FOLDER',
      async (bad) => {
        for (const method of ['reloadRow', 'getImageDetail'] as const) {
          expect(codeOf(await h.call(method, { path: bad }))).toBe('OUTSIDE_FOLDER');
        }
        const [outcome] = await h.ok('saveSidecars', {
          saves: [{ path: bad, changes: { species: 'x' }, expected: null }],
        });
        expect(outcome).toMatchObject({ ok: false, error: { code: 'OUTSIDE_FOLDER' } });
      },
    );

    it('refuses images and folders that link outside, and sidecars that link outside', async () => {
      const outside = path.join(copy.base, 'outside');
      await mkdir(outside);
      await copyFile(path.join(copy.lab, 'plain.tiff'), path.join(outside, 'secret.tif'));
      await writeFile(path.join(outside, 'target.json'), 'outside bytes');
      await symlink(path.join(outside, 'secret.tif'), path.join(copy.lab, 'link.tif'));
      await symlink(outside, path.join(copy.lab, 'outdir'));
      await symlink(path.join(outside, 'target.json'), path.join(copy.lab, 'plain.tiff.json'));
      expect(codeOf(await h.call('reloadRow', { path: 'link.tif' }))).toBe('OUTSIDE_FOLDER');
      expect(codeOf(await h.call('getPreview', { path: 'outdir/secret.tif', c: 0, z: 0, t: 0, maxSize: 64 }))).toBe(
        'OUTSIDE_FOLDER',
      );
      const [outcome] = await h.ok('saveSidecars', {
        saves: [{ path: 'plain.tiff', changes: { species: 'x' }, expected: null, overwrite: true }],
      });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'OUTSIDE_FOLDER', path: 'plain.tiff' } });
      expect(await readFile(path.join(outside, 'target.json'), 'utf8')).toBe('outside bytes');
      const row = await h.ok('reloadRow', { path: 'plain.tiff' });
      expect(row.sidecar).toBe('invalid');
    });

    it('answers NOT_FOUND for missing files and files that are not images', async () => {
      expect(codeOf(await h.call('reloadRow', { path: 'nope.tif' }))).toBe('NOT_FOUND');
      expect(codeOf(await h.call('reloadRow', { path: 'cells/readme.txt' }))).toBe('NOT_FOUND');
      expect(codeOf(await h.call('reloadRow', { path: 'other/scan_02.oir' }))).toBe('NOT_FOUND');
    });
  });
});
