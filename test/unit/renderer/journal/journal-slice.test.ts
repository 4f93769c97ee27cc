import { describe, expect, it, vi } from 'vitest';
import { selectImageJournal } from '../../../../renderer/src/journal';
import { makeRow, storeWithRows } from '../store/fake-client';
import { journalRecord } from '../store/journal-records';

/** The version `makeRow` gives a sidecar, which the journal's latest record of it wrote. */
const rowSha = (path: string) => `v-${path}`;

describe('journal slice', () => {
  it('reads an image’s records once for its sidecar as it is, and again once it is saved', async () => {
    const { store, backend } = storeWithRows([makeRow('a.tif'), makeRow('b.tif')]);
    const record = journalRecord('a.tif', [{ field: 'genotype', old: '', new: 'WT' }], { afterSha: rowSha('a.tif') });
    backend.journal.push(record, journalRecord('b.tif', [{ field: 'sex', old: '', new: 'F' }]));
    const read = vi.spyOn(backend.client, 'getJournal');
    expect(selectImageJournal(store.getState(), 'a.tif')).toBeNull();
    await store.getState().loadImageJournal('a.tif');
    await store.getState().loadImageJournal('a.tif');
    expect(read.mock.calls).toEqual([[{ paths: ['a.tif'] }]]);
    expect(selectImageJournal(store.getState(), 'a.tif')).toEqual({
      status: 'ready',
      records: [record],
      problems: [],
      error: null,
    });

    store.getState().setFieldText(['a.tif'], 'genotype', 'Thy1');
    await store.getState().saveAll();
    expect(selectImageJournal(store.getState(), 'a.tif')).toBeNull();
    await store.getState().loadImageJournal('a.tif');
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('restores one field as one undo step of pending edits that Save writes', async () => {
    const { store, backend } = storeWithRows([makeRow('a.tif', { genotype: 'Thy1', sex: 'M' })]);
    const record = journalRecord(
      'a.tif',
      [
        { field: 'genotype', old: 'WT', new: 'Thy1' },
        { field: 'sex', old: 'F', new: 'M' },
      ],
      { afterSha: rowSha('a.tif') },
    );
    backend.journal.push(record);
    expect(await store.getState().restoreFromJournal({ record, field: 'genotype' })).toBe(1);
    const s = store.getState();
    expect(s.history.past.map((step) => step.action)).toEqual(['Restore Genotype']);
    expect(s.edits['a.tif']).toEqual({ genotype: { text: 'WT', value: 'WT', error: null } });
    expect(s.notices.at(-1)).toMatchObject({ tone: 'success', text: 'Restored 1 field on 1 image; Save writes them.' });
    await s.saveAll();
    expect(backend.saves.at(-1)).toEqual([
      { path: 'a.tif', changes: { genotype: 'WT' }, expected: makeRow('a.tif').version, action: 'Restore Genotype' },
    ]);
    store.getState().undo();
    expect(store.getState().edits['a.tif']?.genotype?.value).toBe('Thy1');
  });

  it('restores a batch over every image it wrote, undoing later records and taking added keys out', async () => {
    const { store, backend } = storeWithRows([
      makeRow('a.tif', { genotype: 'KO', age: 'P30' }, { absentFields: [] }),
      makeRow('b.tif', { genotype: 'Thy1' }),
      makeRow('c.tif', { genotype: 'Other' }),
    ]);
    const imported = [
      journalRecord(
        'a.tif',
        [
          { field: 'genotype', old: 'WT', new: 'Thy1' },
          { field: 'age', old: '', new: 'P30', added: true },
        ],
        { batch: 'import', action: 'import annotations.csv' },
      ),
      journalRecord('b.tif', [{ field: 'genotype', old: '', new: 'Thy1' }], {
        batch: 'import',
        action: 'import annotations.csv',
        afterSha: rowSha('b.tif'),
      }),
    ];
    const later = journalRecord('a.tif', [{ field: 'genotype', old: 'Thy1', new: 'KO' }], {
      afterSha: rowSha('a.tif'),
    });
    backend.journal.push(...imported, later, journalRecord('c.tif', [{ field: 'genotype', old: '', new: 'Other' }]));
    const read = vi.spyOn(backend.client, 'getJournal');
    const changed = await store.getState().restoreFromJournal({ batch: 'import', action: 'import annotations.csv' });
    expect(changed).toBe(3);
    expect(read.mock.calls).toEqual([[{ batch: 'import' }], [{ paths: ['a.tif', 'b.tif'] }]]);
    const s = store.getState();
    expect(s.history.past.map((step) => step.action)).toEqual(['Restore before “import annotations.csv”']);
    expect(s.edits['a.tif']?.age).toEqual({ text: '', value: '', error: null, absent: true });
    expect(s.edits['c.tif']).toBeUndefined();
    await s.saveAll();
    expect(backend.saves.at(-1)?.map(({ path, changes, remove }) => ({ path, changes, remove }))).toEqual([
      { path: 'a.tif', changes: { genotype: 'WT' }, remove: ['age'] },
      { path: 'b.tif', changes: { genotype: '' }, remove: undefined },
    ]);
  });

  it('leaves out an image changed on disk since its latest record, saying so', async () => {
    const { store, backend } = storeWithRows([makeRow('a.tif', { genotype: 'Edited' })]);
    const record = journalRecord('a.tif', [{ field: 'genotype', old: 'WT', new: 'Thy1' }], { afterSha: 'older' });
    backend.journal.push(record);
    expect(await store.getState().restoreFromJournal({ record })).toBe(0);
    const s = store.getState();
    expect(s.edits).toEqual({});
    expect(s.history.past).toEqual([]);
    expect(s.notices.map((n) => [n.tone, n.text])).toEqual([
      ['error', 'Not restored: a.tif (changed on disk since its last journal record).'],
    ]);
  });

  it('says so when the journal cannot be read, and opens and closes the timeline', async () => {
    const { store, backend } = storeWithRows([makeRow('a.tif')]);
    backend.journal.push(journalRecord('a.tif', [{ field: 'sex', old: '', new: 'F' }]));
    await store.getState().openTimeline(['a.tif']);
    expect(store.getState().timeline).toEqual({
      paths: ['a.tif'],
      view: { status: 'ready', records: backend.journal, problems: [], error: null },
    });
    store.getState().closeTimeline();
    expect(store.getState().timeline).toBeNull();

    vi.spyOn(backend.client, 'getJournal').mockResolvedValue({
      ok: false,
      error: { code: 'NO_FOLDER', message: 'No folder is open.' },
    });
    await store.getState().loadImageJournal('a.tif');
    expect(selectImageJournal(store.getState(), 'a.tif')).toMatchObject({
      status: 'failed',
      error: 'No folder is open.',
    });
    expect(await store.getState().restoreFromJournal({ batch: 'x', action: 'Save' })).toBe(0);
    expect(store.getState().notices.at(-1)?.text).toBe(
      'The change journal could not be read, so nothing was restored.',
    );
  });
});
