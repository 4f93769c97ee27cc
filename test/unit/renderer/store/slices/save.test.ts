import { describe, expect, it } from 'vitest';
import { selectHasUnsaved } from '../../../../../renderer/src/store';
import { makeRow, storeWithRows } from '../fake-client';

describe('saving', () => {
  it('sends the changed values of each file with the version it read, then shows the saved rows', async () => {
    const { store, backend } = storeWithRows([
      makeRow('a.tif', { depth: 75 }),
      makeRow('b.tif'),
      makeRow('c.tif', {}, { sidecar: 'missing', version: null }),
    ]);
    store.getState().setFieldText(['a.tif'], 'depth', '80');
    store.getState().setFieldText(['b.tif'], 'species', 'b');
    store.getState().setFieldText(['b.tif'], 'species', '');
    store.getState().setFieldText(['c.tif'], 'species', ' zebrafish ');
    expect(await store.getState().saveAll()).toBe(true);
    expect(backend.saves).toEqual([
      [
        {
          path: 'a.tif',
          changes: { depth: 80 },
          expected: { size: 100, mtimeMs: 1, sha256: 'v-a.tif' },
          action: 'Depth',
        },
        { path: 'c.tif', changes: { species: 'zebrafish' }, expected: null, action: 'Species' },
      ],
    ]);
    const s = store.getState();
    expect(s.rows['a.tif']?.values.depth).toBe(80);
    expect(s.rows['c.tif']?.sidecar).toBe('ok');
    expect(s.edits).toEqual({});
    expect(selectHasUnsaved(s)).toBe(false);
    expect(s.notices.at(-1)).toMatchObject({ tone: 'success', text: 'Saved 2 files.' });
  });

  it('holds back an image with an invalid value and saves the others, naming it', async () => {
    const { store, backend } = storeWithRows([makeRow('a.tif'), makeRow('b.tif')]);
    store.getState().setFieldText(['a.tif'], 'branch_order', '2.5');
    store.getState().setFieldText(['b.tif'], 'genotype', 'WT');
    await store.getState().requestSave();
    const review = store.getState().review!;
    expect(review.invalid).toEqual([
      { path: 'a.tif', name: 'branch_order', message: 'Branch order: must be a whole number (got 2.5)' },
    ]);
    expect(review.saves.map((save) => save.path)).toEqual(['b.tif']);
    expect(backend.saves).toEqual([]);
    await store.getState().confirmReview();
    expect(backend.saves).toEqual([
      [
        {
          path: 'b.tif',
          changes: { genotype: 'WT' },
          expected: { size: 100, mtimeMs: 1, sha256: 'v-b.tif' },
          action: 'Genotype',
        },
      ],
    ]);
    expect(store.getState().edits['a.tif']?.branch_order?.text).toBe('2.5');
    expect(store.getState().notices.at(-1)).toMatchObject({
      tone: 'success',
      text: 'Saved 1 file. 1 image with invalid values not saved.',
    });
  });

  it('"go to the field" selects the image and asks the field for the focus', () => {
    const { store } = storeWithRows([makeRow('a.tif'), makeRow('b.tif')]);
    store.getState().focusField('b.tif', 'depth');
    expect([...store.getState().selected]).toEqual(['b.tif']);
    expect(store.getState().fieldFocus).toMatchObject({ path: 'b.tif', name: 'depth' });
  });

  it('asks about a conflict; Cancel keeps my edits and writes nothing', async () => {
    const { store, backend } = storeWithRows([makeRow('a.tif'), makeRow('b.tif')]);
    backend.saveOutcome = (save) => ({
      path: save.path,
      ok: false,
      error: { code: 'CONFLICT', message: `${save.path} changed on disk`, path: save.path },
    });
    store.getState().setFieldText(['a.tif'], 'genotype', 'WT');
    expect(await store.getState().saveAll()).toBe(false);
    expect(store.getState().conflicts).toEqual([{ path: 'a.tif', message: 'a.tif changed on disk', kind: 'changed' }]);
    await store.getState().resolveConflict('cancel');
    expect(store.getState().conflicts).toEqual([]);
    expect(store.getState().edits['a.tif']?.genotype?.text).toBe('WT');
    expect(backend.saves).toHaveLength(1);
  });

  it('"Overwrite with mine" sends only the fields I edited, so their other changes are kept', async () => {
    const { store, backend } = storeWithRows([makeRow('a.tif', { species: 'rat', depth: 5 })]);
    const succeed = backend.saveOutcome;
    backend.saveOutcome = (save) =>
      save.overwrite
        ? succeed(save)
        : { path: save.path, ok: false, error: { code: 'CONFLICT', message: 'changed', path: save.path } };
    backend.reloaded.set(
      'a.tif',
      makeRow('a.tif', { species: 'mouse', depth: 5 }, { version: { size: 7, mtimeMs: 9, sha256: 'theirs' } }),
    );
    store.getState().setFieldText(['a.tif'], 'genotype', 'WT');
    await store.getState().saveAll();
    await store.getState().resolveConflict('mine');
    expect(backend.saves[1]).toEqual([
      {
        path: 'a.tif',
        changes: { genotype: 'WT' },
        expected: { size: 100, mtimeMs: 1, sha256: 'v-a.tif' },
        overwrite: true,
        action: 'Genotype',
      },
    ]);
    expect(store.getState().rows['a.tif']?.values.genotype).toBe('WT');
    expect(store.getState().edits).toEqual({});
  });

  it('"Reload theirs" shows what is on disk and drops my edits to that file only', async () => {
    const { store, backend } = storeWithRows([makeRow('a.tif', { species: 'rat' }), makeRow('b.tif')]);
    backend.saveOutcome = (save) => ({
      path: save.path,
      ok: false,
      error: { code: 'CONFLICT', message: 'changed', path: save.path },
    });
    backend.reloaded.set('a.tif', makeRow('a.tif', { species: 'mouse' }));
    store.getState().setFieldText(['a.tif'], 'genotype', 'WT');
    store.getState().setFieldText(['b.tif'], 'genotype', 'KO');
    await store.getState().saveAll();
    await store.getState().resolveConflict('theirs');
    expect(store.getState().rows['a.tif']?.values.species).toBe('mouse');
    expect(store.getState().edits['a.tif']).toBeUndefined();
    expect(store.getState().conflicts).toEqual([{ path: 'b.tif', message: 'changed', kind: 'changed' }]);
  });

  it('reports every file that failed and why, keeps their edits, and retries them', async () => {
    const { store, backend } = storeWithRows([makeRow('a.tif'), makeRow('b.tif'), makeRow('c.tif')]);
    const succeed = backend.saveOutcome;
    backend.saveOutcome = (save) =>
      save.path === 'a.tif'
        ? {
            path: save.path,
            ok: false,
            error: { code: 'IO', message: 'a.tif.json could not be saved: the disk is full', path: save.path },
          }
        : save.path === 'b.tif'
          ? {
              path: save.path,
              ok: false,
              error: { code: 'CONFLICT', message: 'b.tif.json changed on disk since it was read', path: save.path },
            }
          : succeed(save);
    store.getState().setReviewAbove(10);
    store.getState().setFieldText(['a.tif', 'b.tif', 'c.tif'], 'note', 'x');
    await store.getState().requestSave();
    expect(store.getState().saveReport).toEqual({
      saved: 1,
      held: 0,
      failures: [
        { path: 'a.tif', code: 'IO', message: 'a.tif.json could not be saved: the disk is full' },
        { path: 'b.tif', code: 'CONFLICT', message: 'b.tif.json changed on disk since it was read' },
      ],
    });
    expect(store.getState().conflicts.map((c) => c.path)).toEqual(['b.tif']);
    expect(Object.keys(store.getState().edits).sort()).toEqual(['a.tif', 'b.tif']);
    backend.saveOutcome = succeed;
    await store.getState().retryFailed();
    expect(backend.saves.at(-1)).toEqual([
      { path: 'a.tif', changes: { note: 'x' }, expected: { size: 100, mtimeMs: 1, sha256: 'v-a.tif' }, action: 'Note' },
    ]);
    expect(store.getState().saveReport).toBeNull();
    expect(Object.keys(store.getState().edits)).toEqual(['b.tif']);
  });

  it("reviews a save of several files: files created and updated, each field's old → new values with counts", async () => {
    const rows = [
      makeRow('a.tif', { genotype: 'KO' }),
      makeRow('b.tif'),
      makeRow('c.tif'),
      makeRow('d.tif', {}, { sidecar: 'missing', version: null }),
    ];
    const { store, backend } = storeWithRows(rows);
    store.getState().setFieldText(
      rows.map((r) => r.path),
      'genotype',
      'WT',
    );
    store.getState().setFieldText(['b.tif'], 'depth', '12');
    await store.getState().requestSave();
    const review = store.getState().review!;
    expect(review).toMatchObject({ created: 1, updated: 3, held: 0, invalid: [] });
    expect(review.fields).toEqual([
      {
        name: 'genotype',
        displayName: 'Genotype',
        changes: [
          { before: '', after: 'WT', count: 3 },
          { before: 'KO', after: 'WT', count: 1 },
        ],
      },
      { name: 'depth', displayName: 'Depth', changes: [{ before: null, after: 12, count: 1 }] },
    ]);
    store.getState().cancelReview();
    expect(backend.saves).toEqual([]);
    expect(Object.keys(store.getState().edits)).toHaveLength(4);
    await store.getState().requestSave();
    await store.getState().confirmReview();
    expect(backend.saves[0]).toHaveLength(4);
    expect(store.getState().edits).toEqual({});
  });

  it('saves one file, or up to the chosen number of files, without the review', async () => {
    const { store, backend } = storeWithRows([makeRow('a.tif'), makeRow('b.tif')]);
    store.getState().setFieldText(['a.tif'], 'sex', 'F');
    await store.getState().requestSave();
    expect(store.getState().review).toBeNull();
    expect(backend.saves).toHaveLength(1);
    store.getState().setReviewAbove(10);
    store.getState().setFieldText(['a.tif', 'b.tif'], 'sex', 'M');
    await store.getState().requestSave();
    expect(store.getState().review).toBeNull();
    expect(backend.saves[1]).toHaveLength(2);
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

  it("sends the files taking each folder in turn, and lists failures in the table's order", async () => {
    const paths = ['a/1.tif', 'a/2.tif', 'a/3.tif', 'b/1.tif', 'b/2.tif'];
    const { store, backend } = storeWithRows(paths.map((p) => makeRow(p)));
    const succeed = backend.saveOutcome;
    backend.saveOutcome = (save) =>
      save.path === 'a/2.tif' || save.path === 'b/1.tif'
        ? {
            path: save.path,
            ok: false,
            error: { code: 'IO', message: `${save.path}.json: the disk is full`, path: save.path },
          }
        : succeed(save);
    store.getState().setReviewAbove(10);
    store.getState().setFieldText(paths, 'note', 'x');
    await store.getState().requestSave();
    expect(backend.saves.flat().map((save) => save.path)).toEqual([
      'a/1.tif',
      'b/1.tif',
      'a/2.tif',
      'b/2.tif',
      'a/3.tif',
    ]);
    expect(store.getState().saveReport?.failures.map((f) => f.path)).toEqual(['a/2.tif', 'b/1.tif']);
  });

  it('tells the change journal every action since the image was last saved, undo included, and only those', async () => {
    const { store, backend } = storeWithRows([makeRow('a.tif'), makeRow('b.tif')]);
    const s = () => store.getState();
    s().setFieldText(['a.tif'], 'age', 'P30');
    s().setActiveField(null);
    s().setFieldText(['a.tif', 'b.tif'], 'region', 'CA1');
    s().setActiveField(null);
    s().setFieldText(['b.tif'], 'sex', 'F');
    expect(s().undo()).toBe(true);
    await s().saveAll();
    expect(backend.saves.at(-1)?.map((save) => [save.path, save.action])).toEqual([
      ['a.tif', 'Age; Region'],
      ['b.tif', 'Region; Sex; Undo Sex'],
    ]);
    s().setFieldText(['a.tif'], 'note', 'later');
    await s().saveAll();
    expect(backend.saves.at(-1)?.map((save) => [save.path, save.action])).toEqual([['a.tif', 'Note']]);
  });

  it('saves thousands of files in batches and reports how far it got', async () => {
    const rows = Array.from({ length: 1100 }, (_, i) => makeRow(`img-${i}.tif`));
    const { store, backend } = storeWithRows(rows);
    store.getState().setFieldText(
      rows.map((r) => r.path),
      'condition',
      'KO',
    );
    const progress: unknown[] = [];
    store.subscribe((s) => {
      if (s.saveProgress && progress.at(-1) !== s.saveProgress) progress.push(s.saveProgress);
    });
    expect(await store.getState().saveAll()).toBe(true);
    expect(backend.saves.map((batch) => batch.length)).toEqual([250, 250, 250, 250, 100]);
    // One save is one batch of the change journal, over all its requests; the next save is another.
    expect(new Set(backend.saveBatchIds).size).toBe(1);
    expect(backend.saveBatchIds[0]).toMatch(/\S{8,}/);
    expect(backend.saves.flat().every((save) => save.action === 'Condition')).toBe(true);
    expect(progress).toEqual([
      { done: 0, total: 1100 },
      { done: 250, total: 1100 },
      { done: 500, total: 1100 },
      { done: 750, total: 1100 },
      { done: 1000, total: 1100 },
      { done: 1100, total: 1100 },
    ]);
    expect(store.getState()).toMatchObject({ saving: false, saveProgress: null, edits: {} });
    expect(store.getState().notices.at(-1)).toMatchObject({ text: 'Saved 1,100 files.' });
    store.getState().setFieldText(['img-0.tif'], 'condition', 'WT');
    await store.getState().saveAll();
    expect(backend.saveBatchIds.at(-1)).not.toBe(backend.saveBatchIds[0]);
  });

  it('sends the first batch alone, then keeps one request ahead; after a failed request, unsent batches fail with its error', async () => {
    const rows = Array.from({ length: 1100 }, (_, i) => makeRow(`img-${i}.tif`));
    const { store, backend } = storeWithRows(rows);
    const answers: { size: number; answer: (ok: boolean) => void }[] = [];
    backend.client.saveSidecars = ({ saves }) =>
      new Promise((resolve) => {
        answers.push({
          size: saves.length,
          answer: (ok) =>
            resolve(
              ok
                ? { ok: true, payload: saves.map((save) => backend.saveOutcome(save)) }
                : { ok: false, error: { code: 'IO', message: 'the backend stopped' } },
            ),
        });
      });
    store.getState().setFieldText(
      rows.map((r) => r.path),
      'condition',
      'KO',
    );
    const saving = store.getState().saveAll();
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    await settle();
    expect(answers).toHaveLength(1); // the first request alone
    answers[0]!.answer(true);
    await settle();
    expect(answers).toHaveLength(3); // the second and, ahead of its answer, the third
    answers[1]!.answer(false);
    await settle();
    expect(answers).toHaveLength(3); // nothing more is sent after a failure
    answers[2]!.answer(true);
    await saving;
    const s = store.getState();
    expect(Object.keys(s.edits)).toHaveLength(250 + 250 + 100); // the failed batch and the two never sent
    expect(s.edits['img-250.tif']?.condition?.text).toBe('KO');
    expect(s.edits['img-600.tif']).toBeUndefined(); // the third batch was written and applied
    expect(s.rows['img-600.tif']?.values.condition).toBe('KO');
    expect(s.saveReport?.failures).toHaveLength(600);
    expect(s.saveReport?.failures[0]).toMatchObject({ path: 'img-250.tif', message: 'the backend stopped' });
  });
});
