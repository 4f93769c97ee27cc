/**
 * checkFolderLayout: the open folder's layout against a HuBMAP directory schema, as the app's
 * Submission check shows it; its verdict on folders built from the validator's own cases is
 * the verdict `directory_validator.py` gave.
 */
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildCaseFolder, DIRECTORY_CASES } from '../submission/directory-cases';
import { codeOf, removeTestBundles, startBackend, type Harness } from './backend-harness';

const CASES = DIRECTORY_CASES.filter((c) => c.schema === 'confocal-v2.3' && c.entries.every((e) => !e.includes('\n')));

describe('backend checkFolderLayout', () => {
  let folder: string | null = null;
  let h: Harness;
  async function close(): Promise<void> {
    if (folder === null) return;
    await h.backend.close();
    rmSync(path.dirname(folder), { recursive: true, force: true });
    folder = null;
  }
  afterEach(close);
  afterAll(removeTestBundles);

  async function open(entries: readonly string[]): Promise<void> {
    await close();
    const base = await mkdtemp(path.join(tmpdir(), 'acqmeta-layout-'));
    folder = path.join(base, 'dataset');
    await buildCaseFolder(folder, entries);
    h = await startBackend();
    await h.ok('openFolder', { path: folder });
  }

  it('gives the verdict of HuBMAP’s validator on each confocal v2.3 case', async () => {
    expect(CASES.length).toBeGreaterThan(10);
    for (const c of CASES) {
      await open(c.entries);
      const check = await h.ok('checkFolderLayout', { target: 'hubmap:confocal-v2.3', ignore: c.ignore });
      const missing = check.checklist.filter((p) => p.required && !p.met).map((p) => p.pattern);
      expect([check.notAllowed, missing.sort()], c.case).toEqual([c.not_allowed, [...c.missing].sort()]);
    }
  });

  it('lists the targets, names the latest version, and refuses an unknown target or a bad glob', async () => {
    await open(['raw/a.czi']);
    const listed = await h.ok('checkFolderLayout', {});
    expect(listed).toMatchObject({ target: null, checklist: [], notAllowed: [] });
    expect(listed.targets).toContain('hubmap:confocal');
    expect(listed.targets).toContain('hubmap:confocal-v2.3');
    const check = await h.ok('checkFolderLayout', { target: 'hubmap:confocal' });
    expect(check).toMatchObject({ target: 'hubmap:confocal-v2.3', paths: 1, notAllowed: [] });
    expect(check.checklist.find((p) => p.pattern === 'extras\\/microscope_hardware\\.json$')).toMatchObject({
      required: true,
      met: false,
    });
    expect(codeOf(await h.call('checkFolderLayout', { target: 'hubmap:teleportation' }))).toBe('INVALID_VALUE');
    expect(codeOf(await h.call('checkFolderLayout', { target: 'hubmap:confocal', ignore: ['[z-a]'] }))).toBe(
      'INVALID_VALUE',
    );
  });
});
