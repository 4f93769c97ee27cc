import { describe, expect, it, vi } from 'vitest';
import type { ImageRow } from '../../../../../shared/api';
import { createAppStore } from '../../../../../renderer/src/app-store';
import { connectBackendEvents } from '../../../../../renderer/src/backend-events';
import { activeMark, selectWatchMode } from '../../../../../renderer/src/store';
import { fakeBackend, makeProfile, makeRow } from '../fake-client';

/** A store on folder /lab holding `rows`, connected to the fake backend's events. */
async function liveStore(rows: ImageRow[]) {
  const backend = fakeBackend(rows);
  const store = createAppStore(backend.client);
  connectBackendEvents(store);
  await store.getState().loadSession();
  store.getState().addRows(rows);
  const changed = (rowsIn: ImageRow[], removed: string[] = [], root = '/lab', profiles = false) =>
    backend.emit({ type: 'folder-changed', root, rows: rowsIn, removed, profiles, catalogues: [] });
  return { store, backend, changed };
}

/** Their version of a row: new values and a new sidecar version. */
const theirs = (path: string, values: Record<string, string | number | null>) =>
  makeRow(path, values, { version: { size: 200, mtimeMs: 5, sha256: `theirs-${path}` } });

describe('changes on disk', () => {
  it('reads again the catalogue names of the rows below a catalogue another program changed, and no others', async () => {
    const { store, backend } = await liveStore([makeRow('raw/a.tif'), makeRow('rawer/b.tif'), makeRow('c.tif')]);
    backend.reloaded.set('raw/a.tif', makeRow('raw/a.tif', {}, { catalogue: { objective: 'Plan-Apo 63x' } }));
    backend.reloaded.set('rawer/b.tif', makeRow('rawer/b.tif', {}, { catalogue: { objective: 'elsewhere' } }));
    backend.emit({ type: 'folder-changed', root: '/lab', rows: [], removed: [], profiles: true, catalogues: ['raw'] });
    await vi.waitFor(() =>
      expect(store.getState().rows['raw/a.tif']?.catalogue).toEqual({ objective: 'Plan-Apo 63x' }),
    );
    expect(store.getState().rows['rawer/b.tif']?.catalogue).toBeUndefined();
    expect(store.getState().rows['c.tif']?.catalogue).toBeUndefined();
  });

  it('shows new values quietly when the row has no unsaved edits, and adds new images', async () => {
    const { store, changed } = await liveStore([makeRow('a.tif', { species: 'rat' })]);
    changed([theirs('a.tif', { species: 'vole' }), makeRow('new.tif')]);
    const s = store.getState();
    expect(s.rows['a.tif']?.values.species).toBe('vole');
    expect(s.rowOrder).toEqual(['a.tif', 'new.tif']);
    expect(activeMark(s, 'a.tif')).toBeNull();
    expect(s.notices).toEqual([]);
  });

  it('removes images that are gone, with every image of a folder that is gone, and unselects them', async () => {
    const { store, changed } = await liveStore([
      makeRow('a.tif'),
      makeRow('d/b.tif'),
      makeRow('d/e/c.tif'),
      makeRow('dd.tif'),
    ]);
    store.getState().selectOnly('d/b.tif');
    changed([], ['a.tif', 'd']);
    expect(store.getState().rowOrder).toEqual(['dd.tif']);
    expect(store.getState().selected.size).toBe(0);
  });

  it('keeps the version the user started from under unsaved edits, marks the row and lets the save meet the conflict', async () => {
    const { store, backend, changed } = await liveStore([makeRow('a.tif', { species: 'rat' })]);
    const mine = store.getState().rows['a.tif'];
    store.getState().setFieldText(['a.tif'], 'genotype', 'WT');
    changed([theirs('a.tif', { species: 'vole' })]);
    let s = store.getState();
    expect(s.rows['a.tif']).toBe(mine);
    expect(activeMark(s, 'a.tif')?.change).toBe('changed');
    expect(s.edits['a.tif']?.genotype?.text).toBe('WT');
    expect(s.notices.at(-1)?.text).toBe(
      'a.tif changed on disk while you were editing: your edits are kept, and saving will ask which version to keep.',
    );

    backend.saveOutcome = (save) => ({
      path: save.path,
      ok: false,
      error: { code: 'CONFLICT', message: 'a.tif.json changed on disk since it was read', path: save.path },
    });
    expect(await store.getState().saveAll()).toBe(false);
    expect(backend.saves[0]?.[0]?.expected).toEqual(mine?.version);
    s = store.getState();
    expect(s.conflicts.map((c) => c.path)).toEqual(['a.tif']);
    expect(s.edits['a.tif']?.genotype?.text).toBe('WT');

    // "Reload theirs" replaces the row: the mark no longer applies.
    backend.reloaded.set('a.tif', theirs('a.tif', { species: 'vole' }));
    await store.getState().resolveConflict('theirs');
    expect(store.getState().rows['a.tif']?.values.species).toBe('vole');
    expect(activeMark(store.getState(), 'a.tif')).toBeNull();
  });

  it('drops the "changed on disk" notice once writing my version over theirs resolves the conflict', async () => {
    const { store, backend, changed } = await liveStore([makeRow('a.tif', { species: 'rat' })]);
    store.getState().setFieldText(['a.tif'], 'genotype', 'WT');
    changed([theirs('a.tif', { species: 'vole' })]);
    const stale =
      'a.tif changed on disk while you were editing: your edits are kept, and saving will ask which version to keep.';
    expect(store.getState().notices.map((n) => n.text)).toContain(stale);
    const saveOk = backend.saveOutcome;
    backend.saveOutcome = (save) => ({
      path: save.path,
      ok: false,
      error: { code: 'CONFLICT', message: 'a.tif.json changed on disk since it was read', path: save.path },
    });
    await store.getState().saveAll();
    backend.saveOutcome = saveOk;
    await store.getState().resolveConflict('mine');
    expect(store.getState().notices.map((n) => n.text)).toEqual(['Saved a.tif.']);
  });

  it('shows their version once the edits are discarded', async () => {
    const { store, changed } = await liveStore([makeRow('a.tif', { species: 'rat' })]);
    store.getState().setFieldText(['a.tif'], 'genotype', 'WT');
    changed([theirs('a.tif', { species: 'vole' })]);
    changed([theirs('a.tif', { species: 'mole' })]);
    expect(store.getState().rows['a.tif']?.values.species).toBe('rat');
    store.getState().dropEdits(['a.tif']);
    expect(store.getState().rows['a.tif']?.values.species).toBe('mole');
    expect(activeMark(store.getState(), 'a.tif')).toBeNull();
  });

  it('keeps an image deleted on disk while it has unsaved edits, says so, and drops it once they are discarded', async () => {
    const { store, changed } = await liveStore([makeRow('a.tif'), makeRow('b.tif')]);
    store.getState().setFieldText(['a.tif'], 'genotype', 'WT');
    changed([], ['a.tif', 'b.tif']);
    const s = store.getState();
    expect(s.rowOrder).toEqual(['a.tif']);
    expect(activeMark(s, 'a.tif')?.change).toBe('removed');
    expect(s.edits['a.tif']?.genotype?.text).toBe('WT');
    expect(s.notices.at(-1)?.text).toBe(
      'a.tif was deleted on disk: the unsaved edits cannot be saved; revert them to remove the row.',
    );
    store.getState().revertField(['a.tif'], 'genotype');
    expect(store.getState().rowOrder).toEqual([]);
  });

  it('reloads a row whose image changed but whose sidecar did not, keeping the edits', async () => {
    const { store, changed } = await liveStore([makeRow('a.tif')]);
    store.getState().setFieldText(['a.tif'], 'genotype', 'WT');
    changed([makeRow('a.tif', {}, { header: null, errors: ['truncated file'] })]);
    expect(store.getState().rows['a.tif']?.errors).toEqual(['truncated file']);
    expect(activeMark(store.getState(), 'a.tif')).toBeNull();
    expect(store.getState().edits['a.tif']?.genotype?.text).toBe('WT');
  });

  it('loads the lab profiles again and checks every image when a profile file changed on disk', async () => {
    const { store, backend, changed } = await liveStore([makeRow('a.tif', { species: 'vole' })]);
    const profile = makeProfile('acqmeta.profile.json', '', { title: 'New rules' });
    backend.profiles = [profile];
    backend.problemsFor = () => [
      { field: 'species', rule: 'enum', message: 'Species "vole" is not one of mouse, rat' },
    ];
    changed([], [], '/lab', true);
    await vi.waitFor(() => expect(store.getState().rows['a.tif']?.profileProblems).toHaveLength(1));
    expect(store.getState().profiles).toEqual([profile]);
    expect(backend.checks.flat().map((item) => item.path)).toContain('a.tif');
  });

  it('ignores the changes of a folder that is no longer open, and says how the open one is watched', async () => {
    const { store, backend, changed } = await liveStore([makeRow('a.tif')]);
    changed([makeRow('x.tif')], ['a.tif'], '/elsewhere');
    expect(store.getState().rowOrder).toEqual(['a.tif']);
    expect(selectWatchMode(store.getState())).toBeNull();
    backend.emit({ type: 'folder-watching', root: '/elsewhere', mode: 'native' });
    expect(selectWatchMode(store.getState())).toBeNull();
    backend.emit({ type: 'folder-watching', root: '/lab', mode: 'poll' });
    expect(selectWatchMode(store.getState())).toBe('poll');
  });

  it('takes a burst of 5,000 changed rows in one update', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => makeRow(`${i}.tif`));
    const { store, changed } = await liveStore(rows);
    let updates = 0;
    store.subscribe(() => updates++);
    changed(rows.map((row) => theirs(row.path, { species: 'vole' })));
    expect(Object.values(store.getState().rows).filter((r) => r.values.species === 'vole')).toHaveLength(5_000);
    expect(updates).toBeLessThanOrEqual(3);
  });

  it('never shows a detail read of an older version of the file (the Acquisition section reads it)', async () => {
    const { store, backend, changed } = await liveStore([makeRow('a.tif', { species: 'rat' })]);
    let answer: (value: unknown) => void = () => undefined;
    backend.client.getImageDetail = () => new Promise((resolve) => (answer = resolve)) as never;
    const loading = store.getState().loadDetail('a.tif');
    changed([theirs('a.tif', { species: 'vole' })]);
    answer({ ok: true, payload: { row: makeRow('a.tif', { species: 'rat' }) } });
    await loading;
    expect(store.getState().details['a.tif']).toBeUndefined();
  });

  it('forgets the detail read of a row whose disk change settles once its edits are reverted', async () => {
    const { store, changed } = await liveStore([makeRow('a.tif', { species: 'rat' })]);
    store.setState({ details: { 'a.tif': { status: 'ready', value: { row: makeRow('a.tif') } as never } } });
    store.getState().setFieldText(['a.tif'], 'genotype', 'WT');
    changed([theirs('a.tif', { species: 'vole' })]);
    expect(store.getState().details['a.tif']).toBeDefined();
    store.getState().revertField(['a.tif'], 'genotype');
    store.getState().settleDiskMarks();
    expect(store.getState().rows['a.tif']?.values.species).toBe('vole');
    expect(store.getState().details['a.tif']).toBeUndefined();
  });
});
