import { copyFile, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImageRow, SaveRequest } from '../../../../../shared/api';
import type { LabCopy } from '../folder/lab-folder';
import { removeTestBundles, startOnLab, stopOnLab, type Harness } from './backend-harness';

describe('backend saveSidecars', () => {
  let copy: LabCopy;
  let h: Harness;
  const sidecar = (rel: string): string => path.join(copy.lab, `${rel}.json`);
  const save = (...saves: SaveRequest[]) => h.ok('saveSidecars', { saves });

  beforeEach(async () => {
    ({ copy, h } = await startOnLab());
  });
  afterEach(() => stopOnLab(copy, h));
  afterAll(removeTestBundles);

  it('creates a missing sidecar with the header read from the TIFF', async () => {
    const [outcome] = await save({ path: 'plain.tiff', changes: { species: 'mouse', depth: 12 }, expected: null });
    expect(outcome).toMatchObject({ ok: true, row: { sidecar: 'ok', values: { species: 'mouse', depth: 12 } } });
    const text = await readFile(sidecar('plain.tiff'), 'utf8');
    expect(text.startsWith('{\n  "accepted": true,')).toBe(true);
    expect(text.endsWith('\n  "version": 2\n}')).toBe(true);
    expect(text).toContain('\n    "shape": "(151, 157)",\n');
    expect(text).toContain('\n    "dims": "(\'Y\', \'X\')",\n');
    expect(text).toContain('\n    "depth": 12.0,\n');
    expect(text).toContain('\n    "species": "mouse",\n');
    expect(Object.keys(JSON.parse(text).experiment_metadata)).toHaveLength(15);
  });

  it('sets the accepted flag, a boolean at the top level, on its own line', async () => {
    const before = await readFile(sidecar('cells/multi-channel.ome.tif'), 'utf8');
    const row = await h.ok('reloadRow', { path: 'cells/multi-channel.ome.tif' });
    const [outcome] = await save({ path: row.path, changes: { accepted: false }, expected: row.version });
    expect(outcome).toMatchObject({ ok: true, row: { values: { accepted: false } } });
    expect(await readFile(sidecar('cells/multi-channel.ome.tif'), 'utf8')).toBe(
      before.replace('"accepted": true,', '"accepted": false,'),
    );
  });

  it('changes only the edited line of an existing sidecar', async () => {
    const before = await readFile(sidecar('cells/multi-channel.ome.tif'), 'utf8');
    const row = await h.ok('reloadRow', { path: 'cells/multi-channel.ome.tif' });
    const [outcome] = await save({ path: row.path, changes: { species: 'rat' }, expected: row.version });
    expect(outcome?.ok).toBe(true);
    const after = await readFile(sidecar('cells/multi-channel.ome.tif'), 'utf8');
    expect(after).toBe(before.replace('"species": "mouse"', '"species": "rat"'));
  });

  it('answers with the header of the TIFF as it is now: one read by the scan, or read again once the file changed', async () => {
    const { scanId } = await h.ok('scanFolder', {});
    const rows = new Map<string, ImageRow>();
    await h.waitFor((e) => {
      if (e.type === 'scan-rows' && e.scanId === scanId) for (const row of e.rows) rows.set(row.path, row);
      return e.type === 'scan-done' && e.scanId === scanId;
    });
    const scanned = rows.get('cells/multi-channel.ome.tif') as ImageRow;
    const [first] = await save({ path: scanned.path, changes: { species: 'rat' }, expected: scanned.version });
    expect(first).toMatchObject({ ok: true, row: { header: scanned.header } });
    // another image under the same name: its header, not the one the scan read
    await copyFile(path.join(copy.lab, 'plain.tiff'), path.join(copy.lab, 'cells/multi-channel.ome.tif'));
    const version = first?.ok === true ? first.row.version : null;
    const [second] = await save({ path: scanned.path, changes: { species: 'mouse' }, expected: version });
    expect(second).toMatchObject({ ok: true, row: { header: { shape: '(151, 157)', dims: "('Y', 'X')" } } });
    expect(scanned.header?.shape).not.toBe('(151, 157)');
  });

  it('refuses to overwrite a sidecar changed on disk since it was read, unless told to', async () => {
    const file = sidecar('cells/multi-channel.ome.tif');
    const row = await h.ok('reloadRow', { path: 'cells/multi-channel.ome.tif' });
    const theirs = (await readFile(file, 'utf8')).replace('"species": "mouse"', '"species": "vole"');
    await writeFile(file, theirs);
    const [conflict] = await save({ path: row.path, changes: { depth: 80 }, expected: row.version });
    expect(conflict).toMatchObject({ ok: false, error: { code: 'CONFLICT', path: row.path } });
    expect(await readFile(file, 'utf8')).toBe(theirs);
    const [forced] = await save({ path: row.path, changes: { depth: 80 }, expected: row.version, overwrite: true });
    expect(forced).toMatchObject({ ok: true, row: { values: { species: 'vole', depth: 80 } } });
    expect(await readFile(file, 'utf8')).toBe(theirs.replace('"depth": 75.0', '"depth": 80.0'));
  });

  it('lists the value problems a saved sidecar still stores, and drops those the save fixed', async () => {
    const row = await h.ok('reloadRow', { path: 'stacks/float.tif' });
    expect(row.errors).toContain('Branch order: must be a whole number (got 2.5)');
    const [kept] = await save({ path: row.path, changes: { species: 'rat' }, expected: row.version });
    expect(kept).toMatchObject({
      ok: true,
      row: { errors: expect.arrayContaining(['Branch order: must be a whole number (got 2.5)']) },
    });
    const [fixed] = await save({
      path: row.path,
      changes: { branch_order: 2 },
      expected: kept?.ok ? kept.row.version : null,
    });
    expect(fixed).toMatchObject({ ok: true, row: { errors: [] } });
    const [again] = await save({
      path: row.path,
      changes: { species: 'vole' },
      expected: fixed?.ok ? fixed.row.version : null,
    });
    expect(again).toMatchObject({ ok: true, row: { errors: [] } });
  });

  it('answers CONFLICT when a sidecar appeared since the row said missing', async () => {
    await writeFile(sidecar('plain.tiff'), await readFile(sidecar('cells/multi-channel.ome.tif')));
    const [outcome] = await save({ path: 'plain.tiff', changes: { species: 'x' }, expected: null });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('never touches an invalid sidecar, and saves the other files of the request', async () => {
    const file = sidecar('stacks/multipage.tif');
    const before = await stat(file);
    const bytes = await readFile(file);
    const row = await h.ok('reloadRow', { path: 'stacks/multipage.tif' });
    const outcomes = await save(
      { path: 'stacks/multipage.tif', changes: { species: 'x' }, expected: row.version, overwrite: true },
      { path: 'plain.tiff', changes: { depth: 'abc' }, expected: null },
      {
        path: 'other/scan_01.oir',
        changes: { condition: 'drug' },
        expected: (await h.ok('reloadRow', { path: 'other/scan_01.oir' })).version,
      },
    );
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.error.code))).toEqual(['INVALID_SIDECAR', 'INVALID_VALUE', 'ok']);
    expect(await readFile(file)).toEqual(bytes);
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
    await expect(stat(sidecar('plain.tiff'))).rejects.toThrow();
    expect(await readFile(sidecar('other/scan_01.oir'), 'utf8')).toContain('"condition": "drug"');
  });

  it('removes a sidecar it created while it is the version sent, and answers CONFLICT, nothing removed, once changed', async () => {
    const [created] = await save({ path: 'plain.tiff', changes: { species: 'mouse' }, expected: null });
    const version = created?.ok === true ? created.row.version : null;
    const removal = { path: 'plain.tiff', changes: {}, expected: version, removeSidecar: true as const };
    const theirs = (await readFile(sidecar('plain.tiff'), 'utf8')).replace('"mouse"', '"vole"');
    await writeFile(sidecar('plain.tiff'), theirs);
    const [refused] = await save(removal);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', path: 'plain.tiff' } });
    expect(await readFile(sidecar('plain.tiff'), 'utf8')).toBe(theirs);

    const [again] = await save({ path: 'plain.tiff', changes: { species: 'rat' }, expected: null, overwrite: true });
    const [removed] = await save({ ...removal, expected: again?.ok === true ? again.row.version : null });
    expect(removed).toMatchObject({ ok: true, row: { path: 'plain.tiff', sidecar: 'missing', version: null } });
    await expect(stat(sidecar('plain.tiff'))).rejects.toThrow();
  });
});
