import { describe, expect, it } from 'vitest';
import { fieldViewState } from '../edit-view';
import { selectEditablePaths, selectQuickCounts, selectSaveSummary } from '../../../../../renderer/src/store';
import { makeRow, storeWithRows } from '../fake-client';

describe('edits', () => {
  it('validates as the user types and reports the message under the field', () => {
    const { store } = storeWithRows([makeRow('a.tif', { depth: 120.5 })]);
    store.getState().setFieldText(['a.tif'], 'depth', 'abc');
    const view = fieldViewState(store.getState(), ['a.tif'], 'depth');
    expect(view).toEqual({
      text: 'abc',
      mixed: false,
      modified: true,
      error: 'Depth: must be a number in µm (got "abc")',
      mixedValues: [],
      distinct: 1,
      replaced: [],
      replacedDistinct: 1,
    });
    expect(selectSaveSummary(store.getState())).toEqual({ files: 1, invalid: 1 });
  });

  it('keeps the typed text but counts no change when the value parses to what is stored', () => {
    const { store } = storeWithRows([makeRow('a.tif', { species: 'mouse' })]);
    store.getState().setFieldText(['a.tif'], 'species', 'mouse ');
    expect(fieldViewState(store.getState(), ['a.tif'], 'species')).toMatchObject({ text: 'mouse ', modified: false });
    expect(selectSaveSummary(store.getState())).toEqual({ files: 0, invalid: 0 });
  });

  it('drops the edit when the text is typed back to the stored value, and Escape reverts', () => {
    const { store } = storeWithRows([makeRow('a.tif', { depth: 75 })]);
    store.getState().setFieldText(['a.tif'], 'depth', '80');
    expect(store.getState().edits['a.tif']?.depth?.value).toBe(80);
    store.getState().setFieldText(['a.tif'], 'depth', '75');
    expect(store.getState().edits).toEqual({});
    store.getState().setFieldText(['a.tif'], 'depth', '1');
    store.getState().revertField(['a.tif'], 'depth');
    expect(fieldViewState(store.getState(), ['a.tif'], 'depth').text).toBe('75');
  });

  it('edits many images at once, shows "(multiple values)" until they agree, and never touches corrupt sidecars', () => {
    const rows = [
      makeRow('a.tif', { condition: 'WT' }),
      makeRow('b.tif', { condition: '' }),
      makeRow('c.tif', {}, { sidecar: 'invalid' }),
    ];
    const { store } = storeWithRows(rows);
    const paths = ['a.tif', 'b.tif'];
    expect(fieldViewState(store.getState(), paths, 'condition')).toMatchObject({ text: '', mixed: true });
    store.getState().setFieldText(['a.tif', 'b.tif', 'c.tif'], 'condition', 'KO');
    expect(fieldViewState(store.getState(), paths, 'condition')).toMatchObject({
      text: 'KO',
      mixed: false,
      modified: true,
    });
    expect(Object.keys(store.getState().edits).sort()).toEqual(['a.tif', 'b.tif']);
    expect(selectQuickCounts(store.getState())).toEqual({
      missing: 0,
      invalid: 1,
      unsaved: 2,
      warnings: 0,
      'not-ready': 0,
    });
  });

  it('adopts the calibration declared by the file, with micrometres stored as "um"', () => {
    const { store } = storeWithRows([
      makeRow('a.tif', {}, { fileCalibration: { x: 0.5, y: 0.25, unit: 'µm', source: 'imagej' } }),
    ]);
    store.getState().applyFileCalibration(['a.tif']);
    const edits = store.getState().edits['a.tif']!;
    expect(Object.fromEntries(Object.entries(edits).map(([k, e]) => [k, e.value]))).toEqual({
      physical_unit_x: 0.5,
      physical_unit_y: 0.25,
      physical_label_x: 'um',
      physical_label_y: 'um',
    });
  });

  it('reverts the focused field on every selected image (menu "Revert field")', () => {
    const { store } = storeWithRows([makeRow('a.tif'), makeRow('b.tif')]);
    const s = store.getState();
    s.selectOnly('a.tif');
    s.toggleSelected('b.tif');
    s.setFieldText(['a.tif', 'b.tif'], 'genotype', 'WT');
    s.setFieldText(['a.tif'], 'species', 'rat');
    s.setActiveField('genotype');
    store.getState().revertActiveField();
    expect(store.getState().edits).toEqual({ 'a.tif': { species: { text: 'rat', value: 'rat', error: null } } });
  });

  it('edits only images whose sidecar can be written: not corrupt ones, nor unreadable images without one', () => {
    const rows = [
      makeRow('ok.tif'),
      makeRow('new.tif', {}, { sidecar: 'missing', version: null }),
      makeRow('corrupt.tif', {}, { sidecar: 'invalid', errors: ['corrupt.tif.json: not valid JSON'] }),
      makeRow(
        'hostile.tif',
        {},
        { sidecar: 'missing', version: null, header: null, errors: ['hostile.tif: IFD loop at offset 8'] },
      ),
    ];
    const { store } = storeWithRows(rows);
    store.getState().selectAllVisible();
    expect(selectEditablePaths(store.getState())).toEqual(['ok.tif', 'new.tif']);
    store.getState().setFieldText(
      rows.map((r) => r.path),
      'condition',
      'KO',
    );
    expect(Object.keys(store.getState().edits)).toEqual(['ok.tif', 'new.tif']);
  });
});
