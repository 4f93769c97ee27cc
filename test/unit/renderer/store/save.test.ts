import { describe, expect, it } from 'vitest';
import { selectHasUnsaved } from '../../../../renderer/src/store/selectors';
import { makeRow, storeWithRows } from './fake-client';

describe('saving', () => {
  it('sends the changed values of each file with the version it read, then shows the saved rows', async () => {
    const { store, backend } = storeWithRows([makeRow('a.tif', { depth: 75 }), makeRow('b.tif'), makeRow('c.tif', {}, { sidecar: 'missing', version: null })]);
    store.getState().setFieldText(['a.tif'], 'depth', '80');
    store.getState().setFieldText(['b.tif'], 'species', 'b');
    store.getState().setFieldText(['b.tif'], 'species', '');
    store.getState().setFieldText(['c.tif'], 'species', ' zebrafish ');
    expect(await store.getState().saveAll()).toBe(true);
    expect(backend.saves).toEqual([
      [
        { path: 'a.tif', changes: { depth: 80 }, expected: { size: 100, mtimeMs: 1, sha256: 'v-a.tif' } },
        { path: 'c.tif', changes: { species: 'zebrafish' }, expected: null },
      ],
    ]);
    const s = store.getState();
    expect(s.rows['a.tif']?.values.depth).toBe(80);
    expect(s.rows['c.tif']?.sidecar).toBe('ok');
    expect(s.edits).toEqual({});
    expect(selectHasUnsaved(s)).toBe(false);
    expect(s.notices.at(-1)).toMatchObject({ tone: 'success', text: 'Saved 2 files.' });
  });

  it('refuses to save while a value is invalid', async () => {
    const { store, backend } = storeWithRows([makeRow('a.tif')]);
    store.getState().setFieldText(['a.tif'], 'branch_order', '2.5');
    expect(await store.getState().saveAll()).toBe(false);
    expect(backend.saves).toEqual([]);
    expect(store.getState().notices.at(-1)).toMatchObject({ tone: 'error', text: 'Fix 1 invalid value to save.' });
  });

  it('asks about a conflict; Cancel keeps my edits and writes nothing', async () => {
    const { store, backend } = storeWithRows([makeRow('a.tif'), makeRow('b.tif')]);
    backend.saveOutcome = (save) => ({ path: save.path, ok: false, error: { code: 'CONFLICT', message: `${save.path} changed on disk`, path: save.path } });
    store.getState().setFieldText(['a.tif'], 'genotype', 'WT');
    expect(await store.getState().saveAll()).toBe(false);
    expect(store.getState().conflicts).toEqual([{ path: 'a.tif', message: 'a.tif changed on disk' }]);
    await store.getState().resolveConflict('cancel');
    expect(store.getState().conflicts).toEqual([]);
    expect(store.getState().edits['a.tif']?.genotype?.text).toBe('WT');
    expect(backend.saves).toHaveLength(1);
  });

  it('"Overwrite with mine" sends only the fields I edited, so their other changes are kept', async () => {
    const { store, backend } = storeWithRows([makeRow('a.tif', { species: 'rat', depth: 5 })]);
    const succeed = backend.saveOutcome;
    backend.saveOutcome = (save) => (save.overwrite ? succeed(save) : { path: save.path, ok: false, error: { code: 'CONFLICT', message: 'changed', path: save.path } });
    backend.reloaded.set('a.tif', makeRow('a.tif', { species: 'mouse', depth: 5 }, { version: { size: 7, mtimeMs: 9, sha256: 'theirs' } }));
    store.getState().setFieldText(['a.tif'], 'genotype', 'WT');
    await store.getState().saveAll();
    await store.getState().resolveConflict('mine');
    expect(backend.saves[1]).toEqual([{ path: 'a.tif', changes: { genotype: 'WT' }, expected: { size: 100, mtimeMs: 1, sha256: 'v-a.tif' }, overwrite: true }]);
    expect(store.getState().rows['a.tif']?.values.genotype).toBe('WT');
    expect(store.getState().edits).toEqual({});
  });

  it('"Reload theirs" shows what is on disk and drops my edits to that file only', async () => {
    const { store, backend } = storeWithRows([makeRow('a.tif', { species: 'rat' }), makeRow('b.tif')]);
    backend.saveOutcome = (save) => ({ path: save.path, ok: false, error: { code: 'CONFLICT', message: 'changed', path: save.path } });
    backend.reloaded.set('a.tif', makeRow('a.tif', { species: 'mouse' }));
    store.getState().setFieldText(['a.tif'], 'genotype', 'WT');
    store.getState().setFieldText(['b.tif'], 'genotype', 'KO');
    await store.getState().saveAll();
    await store.getState().resolveConflict('theirs');
    expect(store.getState().rows['a.tif']?.values.species).toBe('mouse');
    expect(store.getState().edits['a.tif']).toBeUndefined();
    expect(store.getState().conflicts).toEqual([{ path: 'b.tif', message: 'changed' }]);
  });

  it('shows other failures as notices and keeps those edits', async () => {
    const { store, backend } = storeWithRows([makeRow('a.tif')]);
    backend.saveOutcome = (save) => ({ path: save.path, ok: false, error: { code: 'IO', message: 'Could not write a.tif.json: disk full', path: save.path } });
    store.getState().setFieldText(['a.tif'], 'note', 'x');
    expect(await store.getState().saveAll()).toBe(false);
    expect(store.getState().notices.at(-1)).toMatchObject({ tone: 'error', text: 'Could not write a.tif.json: disk full' });
    expect(store.getState().edits['a.tif']?.note?.value).toBe('x');
  });

  it('keeps what was typed while the save was under way', async () => {
    const { store, backend } = storeWithRows([makeRow('a.tif')]);
    const succeed = backend.saveOutcome;
    backend.saveOutcome = (save) => {
      store.getState().setFieldText(['a.tif'], 'species', 'mouse');
      return succeed(save);
    };
    store.getState().setFieldText(['a.tif'], 'genotype', 'WT');
    await store.getState().saveAll();
    expect(Object.keys(store.getState().edits['a.tif'] ?? {})).toEqual(['species']);
  });

  it('saves thousands of files in batches and reports how far it got', async () => {
    const rows = Array.from({ length: 1100 }, (_, i) => makeRow(`img-${i}.tif`));
    const { store, backend } = storeWithRows(rows);
    store.getState().setFieldText(rows.map((r) => r.path), 'condition', 'KO');
    const progress: unknown[] = [];
    store.subscribe((s) => {
      if (s.saveProgress && progress.at(-1) !== s.saveProgress) progress.push(s.saveProgress);
    });
    expect(await store.getState().saveAll()).toBe(true);
    expect(backend.saves.map((batch) => batch.length)).toEqual([500, 500, 100]);
    expect(progress).toEqual([
      { done: 0, total: 1100 },
      { done: 500, total: 1100 },
      { done: 1000, total: 1100 },
      { done: 1100, total: 1100 },
    ]);
    expect(store.getState()).toMatchObject({ saving: false, saveProgress: null, edits: {} });
    expect(store.getState().notices.at(-1)).toMatchObject({ text: 'Saved 1,100 files.' });
  });
});
