import { describe, expect, it } from 'vitest';
import { fieldViewState } from '../edit-view';
import { selectHasUnsaved, selectUndoLabels } from '../../../../../renderer/src/store';
import {
  describeStep,
  HISTORY_LIMITS,
  recordStep,
  shownValue,
  EMPTY_HISTORY,
  type HistoryStep,
} from '../../../../../renderer/src/store/logic/history';
import { makeRow, storeWithRows } from '../fake-client';
import { emptyChannelTable } from '../../../../../shared/channels/channel-table';

const shown = (store: ReturnType<typeof storeWithRows>['store'], path: string, name: string) =>
  fieldViewState(store.getState(), [path], name).text;

/** Types `texts` one after another into a field over `paths`, in one focus visit. */
function typeInField(store: ReturnType<typeof storeWithRows>['store'], paths: string[], name: string, texts: string[]) {
  store.getState().setActiveField(name);
  for (const text of texts) store.getState().setFieldText(paths, name, text);
  store.getState().setActiveField(null);
}

const draft = { ...emptyChannelTable(), rows: [{ 'Channel ID': 'Channel:0:0', 'Channel Name': 'DAPI' }] };

/** The version the fake backend answers every save with. */
const SAVED = { size: 1, mtimeMs: 2, sha256: 'saved' };

describe('undo history', () => {
  it('coalesces the keystrokes of one field visit into one step, and a new visit into a new step', () => {
    const { store } = storeWithRows([makeRow('a.tif', { genotype: 'WT' })]);
    typeInField(store, ['a.tif'], 'genotype', ['K', 'KO', 'KO1']);
    typeInField(store, ['a.tif'], 'genotype', ['KO12']);
    expect(store.getState().history.past).toHaveLength(2);
    expect(selectUndoLabels(store.getState()).undo).toBe('Undo Genotype');
    store.getState().undo();
    expect(shown(store, 'a.tif', 'genotype')).toBe('KO1');
    store.getState().undo();
    expect(shown(store, 'a.tif', 'genotype')).toBe('WT');
    expect(store.getState().edits).toEqual({});
    expect(store.getState().undo()).toBe(false);
    store.getState().redo();
    store.getState().redo();
    expect(shown(store, 'a.tif', 'genotype')).toBe('KO12');
    expect(store.getState().redo()).toBe(false);
  });

  it('keeps separate steps for the same field on different images in one visit (next image with the field focused)', () => {
    const { store } = storeWithRows([makeRow('a.tif'), makeRow('b.tif')]);
    store.getState().setActiveField('region');
    store.getState().setFieldText(['a.tif'], 'region', 'CA1');
    store.getState().setFieldText(['b.tif'], 'region', 'V1');
    expect(store.getState().history.past).toHaveLength(2);
    store.getState().undo();
    expect([shown(store, 'a.tif', 'region'), shown(store, 'b.tif', 'region')]).toEqual(['CA1', '']);
  });

  it('makes a bulk edit one step, named after the field and the number of images', () => {
    const { store } = storeWithRows([makeRow('a.tif'), makeRow('b.tif'), makeRow('c.tif')]);
    typeInField(store, ['a.tif', 'b.tif', 'c.tif'], 'genotype', ['W', 'WT']);
    expect(selectUndoLabels(store.getState())).toEqual({ undo: 'Undo Genotype on 3 images', redo: null });
    store.getState().undo();
    expect(selectUndoLabels(store.getState())).toEqual({ undo: null, redo: 'Redo Genotype on 3 images' });
  });

  it('undoes a saved bulk edit as unsaved edits that give each image its own previous value back', async () => {
    const { store, backend } = storeWithRows([
      makeRow('a.tif', { genotype: 'WT' }),
      makeRow('b.tif', { genotype: 'KO' }),
      makeRow('c.tif'),
    ]);
    typeInField(store, ['a.tif', 'b.tif', 'c.tif'], 'genotype', ['Het']);
    expect(await store.getState().saveAll()).toBe(true);
    expect(selectHasUnsaved(store.getState())).toBe(false);
    store.getState().undo();
    expect(selectHasUnsaved(store.getState())).toBe(true);
    expect(fieldViewState(store.getState(), ['a.tif'], 'genotype')).toMatchObject({ text: 'WT', modified: true });
    expect(await store.getState().saveAll()).toBe(true);
    expect(backend.saves[1]).toEqual([
      { path: 'a.tif', changes: { genotype: 'WT' }, expected: SAVED, action: 'Undo Genotype' },
      { path: 'b.tif', changes: { genotype: 'KO' }, expected: SAVED, action: 'Undo Genotype' },
      { path: 'c.tif', changes: { genotype: '' }, expected: SAVED, action: 'Undo Genotype' },
    ]);
    store.getState().redo();
    expect(shown(store, 'b.tif', 'genotype')).toBe('Het');
  });

  it('undoing a saved value of a field the file lacked asks the save to take the key out again', async () => {
    const { store, backend } = storeWithRows([makeRow('old.tif', {}, { absentFields: ['age'] })]);
    typeInField(store, ['old.tif'], 'age', ['P30']);
    await store.getState().saveAll();
    store.getState().undo();
    expect(fieldViewState(store.getState(), ['old.tif'], 'age')).toMatchObject({ text: '', modified: true });
    await store.getState().saveAll();
    expect(backend.saves[1]).toEqual([
      { path: 'old.tif', changes: {}, expected: SAVED, remove: ['age'], action: 'Undo Age' },
    ]);
  });

  it('a conflict while saving an undo asks as usual and writes nothing', async () => {
    const { store, backend } = storeWithRows([makeRow('a.tif', { genotype: 'WT' })]);
    typeInField(store, ['a.tif'], 'genotype', ['KO']);
    await store.getState().saveAll();
    store.getState().undo();
    backend.saveOutcome = (save) => ({
      path: save.path,
      ok: false,
      error: { code: 'CONFLICT', message: 'changed on disk', path: save.path },
    });
    expect(await store.getState().saveAll()).toBe(false);
    expect(store.getState().conflicts.map((c) => c.path)).toEqual(['a.tif']);
    expect(shown(store, 'a.tif', 'genotype')).toBe('WT');
  });

  it('restores invalid text as it was typed, with its message', () => {
    const { store } = storeWithRows([makeRow('a.tif', { depth: 75 })]);
    typeInField(store, ['a.tif'], 'depth', ['1,5x']);
    typeInField(store, ['a.tif'], 'depth', ['80']);
    store.getState().undo();
    expect(fieldViewState(store.getState(), ['a.tif'], 'depth')).toMatchObject({
      text: '1,5x',
      error: expect.stringContaining('Depth'),
    });
  });

  it('a new action after an undo clears what could be redone', () => {
    const { store } = storeWithRows([makeRow('a.tif')]);
    typeInField(store, ['a.tif'], 'sex', ['F']);
    store.getState().undo();
    typeInField(store, ['a.tif'], 'age', ['P30']);
    expect(store.getState().history.future).toEqual([]);
  });

  it('records file calibration and Escape as steps, and skips images that can no longer be edited', () => {
    const rows = [
      makeRow('a.tif', {}, { fileCalibration: { x: 0.5, y: 0.5, unit: 'µm', source: 'imagej' } }),
      makeRow('b.tif'),
    ];
    const { store } = storeWithRows(rows);
    store.getState().applyFileCalibration(['a.tif', 'b.tif']);
    expect(shown(store, 'a.tif', 'physical_unit_x')).toBe('0.5');
    expect(selectUndoLabels(store.getState()).undo).toBe('Undo File calibration (4 fields)');
    typeInField(store, ['b.tif'], 'note', ['x']);
    store.getState().addRows([{ ...rows[1]!, sidecar: 'invalid' }]);
    store.getState().undo();
    expect(store.getState().edits['b.tif']?.note?.text).toBe('x');
    store.getState().undo();
    expect(shown(store, 'a.tif', 'physical_unit_x')).toBe('1');
  });

  it('is forgotten when another folder opens', async () => {
    const { store } = storeWithRows([makeRow('a.tif')]);
    typeInField(store, ['a.tif'], 'sex', ['F']);
    await store.getState().openFolder('/other');
    expect(store.getState().history.past).toEqual([]);
  });
});

describe('history limits and names', () => {
  const step = (n: number, paths = 1): HistoryStep => ({
    action: 'Note',
    coalesceKey: null,
    changes: Array.from({ length: paths }, (_, i) => ({
      path: `${i}.tif`,
      name: 'note',
      before: shownValue(''),
      after: shownValue(String(n)),
    })),
  });

  it('keeps at most the step limit', () => {
    let history = EMPTY_HISTORY;
    for (let n = 0; n < HISTORY_LIMITS.steps + 5; n++) history = recordStep(history, step(n));
    expect(history.past).toHaveLength(HISTORY_LIMITS.steps);
    expect(history.past[0]?.changes[0]?.after.text).toBe('5');
  });

  it('names steps of several fields and of one field under another action', () => {
    const paste: HistoryStep = {
      action: 'Paste',
      coalesceKey: null,
      changes: [...step(1, 2).changes, { ...step(1).changes[0]!, name: 'sex' }],
    };
    expect(describeStep(paste)).toBe('Paste (2 fields) on 2 images');
    expect(describeStep({ ...step(1, 3), action: 'Normalize' })).toBe('Normalize (Note) on 3 images');
    expect(describeStep({ ...step(1, 2), action: 'Note from the names' })).toBe('Note from the names on 2 images');
  });

  it('names a table step by its folder in the undo menu', () => {
    const step = (folder: string) => ({
      action: 'Channel table',
      changes: [],
      coalesceKey: null,
      file: { kind: 'channel-table' as const, folder, before: null, after: draft, written: null },
    });
    expect(describeStep(step('raw/day1'))).toBe('Channel table of raw/day1');
    expect(describeStep(step(''))).toBe('Channel table of the folder');
  });
});
