import { describe, expect, it } from 'vitest';
import type { SaveRequest } from '../../../../../shared/api';
import { selectSaveSummary, selectUndoLabels } from '../../../../../renderer/src/store';
import { makeRow, storeWithRows } from '../fake-client';
import { journalRecord } from '../journal-records';

/** Two sidecars one save created (`Create 2 sidecars`), still as AcqMeta wrote them, and an image without one. */
function createdTwo() {
  const rows = [
    makeRow('a.czi', { sex: 'F' }),
    makeRow('b.czi'),
    makeRow('c.tif', {}, { sidecar: 'missing', version: null }),
  ];
  const { store, backend } = storeWithRows(rows);
  for (const path of ['a.czi', 'b.czi'])
    backend.journal.push({
      ...journalRecord(path, [{ field: 'sex', old: '', new: 'F' }], { batch: 'made', afterSha: `v-${path}` }),
      before: null,
    });
  return { store, backend };
}

describe('removing sidecars AcqMeta created (undoing their creation)', () => {
  it('is one undo step with the restore, marks the rows, takes no edits, and Undo and Redo move it', async () => {
    const { store } = createdTwo();
    expect(await store.getState().restoreFromJournal({ batch: 'made', action: 'Create 2 sidecars' })).toBe(0);
    let s = store.getState();
    expect(Object.keys(s.removals).sort()).toEqual(['a.czi', 'b.czi']);
    expect(s.removals['a.czi']).toEqual(makeRow('a.czi').version);
    expect(s.notices.at(-1)?.text).toBe('2 sidecars AcqMeta created marked for removal; Save removes them.');
    expect(selectSaveSummary(s)).toEqual({ files: 2, invalid: 0 });
    expect(selectUndoLabels(s).undo).toBe('Undo Restore before “Create 2 sidecars” on 2 images');

    s.setFieldText(['a.czi', 'c.tif'], 'genotype', 'WT');
    s = store.getState();
    expect(s.edits['a.czi']).toBeUndefined();
    expect(s.edits['c.tif']?.genotype?.value).toBe('WT');

    s.undo(); // the typing
    store.getState().undo(); // the removal
    expect(store.getState().removals).toEqual({});
    store.getState().redo();
    expect(Object.keys(store.getState().removals).sort()).toEqual(['a.czi', 'b.czi']);
  });

  it('is sent through the save with the version AcqMeta wrote, reviewed first, and the row is left without a sidecar', async () => {
    const { store, backend } = createdTwo();
    const removedRow = (save: SaveRequest) => ({
      path: save.path,
      ok: true as const,
      row: makeRow(save.path, {}, { sidecar: 'missing', version: null }),
    });
    backend.saveOutcome = (save) =>
      save.path === 'b.czi'
        ? {
            path: save.path,
            ok: false,
            error: { code: 'CONFLICT', message: 'b.czi.json is not the file AcqMeta wrote: not removed' },
          }
        : removedRow(save);
    await store.getState().restoreFromJournal({ batch: 'made', action: 'Create 2 sidecars' });
    await store.getState().requestSave();
    const review = store.getState().review;
    expect(review?.removed).toEqual(['a.czi', 'b.czi']);
    expect(review?.fields).toEqual([]);
    await store.getState().confirmReview();
    expect(backend.saves.at(-1)).toEqual(
      ['a.czi', 'b.czi'].map((path) => ({
        path,
        changes: {},
        expected: makeRow(path).version,
        removeSidecar: true,
        action: 'Restore before “Create 2 sidecars”',
      })),
    );
    const s = store.getState();
    expect(s.rows['a.czi']?.sidecar).toBe('missing');
    expect(s.rows['b.czi']?.sidecar).toBe('ok');
    expect(s.removals).toEqual({});
    expect(s.saveReport?.failures).toEqual([
      { path: 'b.czi', code: 'CONFLICT', message: 'b.czi.json is not the file AcqMeta wrote: not removed' },
    ]);
    expect(s.conflicts).toEqual([]);

    s.undo();
    expect(store.getState().notices.at(-1)).toMatchObject({
      tone: 'error',
      text:
        'Undone: Restore before “Create 2 sidecars” on 2 images. Not brought back: a.czi.json (removed by Save; ' +
        'Undo does not write a removed file back: Rebuild from the journal, in the image’s History, writes it anew).',
    });
    expect(store.getState().edits).toEqual({});
  });
});
