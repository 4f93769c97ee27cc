import { describe, expect, it } from 'vitest';
import { selectVisiblePaths } from '../../../../../renderer/src/store/filter';
import { makeRow, storeWithRows } from '../fake-client';

function setup() {
  return storeWithRows([
    makeRow('cells/b.tif', { species: 'mouse', depth: 80 }),
    makeRow('cells/a10.tif', { species: 'rat', depth: null }),
    makeRow('cells/a2.tif', { species: 'Mouse', genotype: 'Thy1-GFP', depth: 5 }),
    makeRow('stacks/c.tif', {}, { sidecar: 'missing', version: null }),
    makeRow('stacks/d.tif', {}, { sidecar: 'invalid', errors: ['d.tif.json is not valid JSON'] }),
  ]).store;
}

describe('visible rows', () => {
  it('filters on path and field values, every word must match, case-insensitively', () => {
    const store = setup();
    store.getState().setFilterText('MOUSE');
    expect(selectVisiblePaths(store.getState())).toEqual(['cells/b.tif', 'cells/a2.tif']);
    store.getState().setFilterText('mouse thy1');
    expect(selectVisiblePaths(store.getState())).toEqual(['cells/a2.tif']);
    store.getState().setFilterText('stacks/');
    expect(selectVisiblePaths(store.getState())).toEqual(['stacks/c.tif', 'stacks/d.tif']);
  });

  it('matches every column: data type, dimensions, sidecar state, problems', () => {
    const store = setup();
    const shown = (text: string) => {
      store.getState().setFilterText(text);
      return selectVisiblePaths(store.getState());
    };
    expect(shown('uint16')).toHaveLength(5);
    expect(shown('x:512 none')).toEqual(['stacks/c.tif']);
    expect(shown('json')).toEqual(['stacks/d.tif']);
  });

  it('field:value terms match one column: contained, exact, empty, compared; - leaves out', () => {
    const store = setup();
    const shown = (text: string) => {
      store.getState().setFilterText(text);
      return selectVisiblePaths(store.getState());
    };
    expect(shown('species:ous')).toEqual(['cells/b.tif', 'cells/a2.tif']);
    expect(shown('species:=mouse')).toEqual(['cells/b.tif', 'cells/a2.tif']);
    expect(shown('species:=mous')).toEqual([]);
    expect(shown('species:""')).toEqual(['stacks/c.tif', 'stacks/d.tif']);
    expect(shown('depth:>10')).toEqual(['cells/b.tif']);
    expect(shown('depth:<=5')).toEqual(['cells/a2.tif']);
    expect(shown('depth:5')).toEqual(['cells/a2.tif']);
    expect(shown('sidecar:none')).toEqual(['stacks/c.tif']);
    expect(shown('-sidecar:saved')).toEqual(['stacks/c.tif', 'stacks/d.tif']);
    expect(shown('genotype:tif')).toEqual([]);
    expect(shown('species:thy')).toEqual([]); // in the genotype column, after the species column
    expect(shown('path:stacks/')).toEqual(['stacks/c.tif', 'stacks/d.tif']);
    expect(shown('path:=stacks/c.tif')).toEqual(['stacks/c.tif']);
    store.getState().setFieldText(['cells/b.tif'], 'depth', '3');
    expect(shown('depth:<=5')).toEqual(['cells/b.tif', 'cells/a2.tif']);
    expect(shown('sidecar:unsaved')).toEqual(['cells/b.tif']);
    // a value only typed, in no column of the row as stored, matches its column's terms too
    store.getState().setFieldText(['cells/b.tif'], 'species', 'Zebrafish');
    expect(shown('species:zebra')).toEqual(['cells/b.tif']);
    expect(shown('species:=zebrafish')).toEqual(['cells/b.tif']);
    expect(shown('genotype:zebra')).toEqual([]);
  });

  it('the Warnings quick filter shows rows with problems, together with the text', () => {
    const store = setup();
    store.getState().toggleQuickFilter('warnings');
    expect(selectVisiblePaths(store.getState())).toEqual(['stacks/d.tif']);
    store.getState().setFilterText('cells/');
    expect(selectVisiblePaths(store.getState())).toEqual([]);
  });

  it('keeps a row visible while its matching value is being edited', () => {
    const store = setup();
    store.getState().setFilterText('rat');
    store.getState().setFieldText(['cells/a10.tif'], 'species', 'ra');
    expect(selectVisiblePaths(store.getState())).toEqual(['cells/a10.tif']);
  });

  it('quick filters: no sidecar, invalid (corrupt or typed), unsaved', () => {
    const store = setup();
    store.getState().toggleQuickFilter('missing');
    expect(selectVisiblePaths(store.getState())).toEqual(['stacks/c.tif']);
    store.getState().setFieldText(['cells/b.tif'], 'depth', 'deep');
    store.getState().toggleQuickFilter('invalid');
    expect(selectVisiblePaths(store.getState())).toEqual(['cells/b.tif', 'stacks/d.tif']);
    store.getState().setFieldText(['cells/a2.tif'], 'species', 'rat');
    store.getState().toggleQuickFilter('unsaved');
    expect(selectVisiblePaths(store.getState())).toEqual(['cells/b.tif', 'cells/a2.tif']);
    store.getState().toggleQuickFilter('unsaved');
    expect(selectVisiblePaths(store.getState())).toHaveLength(5);
  });

  it('sorts paths naturally and reverses on a second click', () => {
    const store = setup();
    store.getState().sortBy('path');
    const ascending = selectVisiblePaths(store.getState());
    expect(ascending).toEqual(['cells/a2.tif', 'cells/a10.tif', 'cells/b.tif', 'stacks/c.tif', 'stacks/d.tif']);
    store.getState().sortBy('path');
    expect(selectVisiblePaths(store.getState())).toEqual([...ascending].reverse());
  });

  it('sorts numbers numerically with empty values last in both directions', () => {
    const store = setup();
    store.getState().sortBy('depth');
    expect(selectVisiblePaths(store.getState())).toEqual([
      'cells/a2.tif',
      'cells/b.tif',
      'cells/a10.tif',
      'stacks/c.tif',
      'stacks/d.tif',
    ]);
    store.getState().sortBy('depth');
    expect(selectVisiblePaths(store.getState())).toEqual([
      'cells/b.tif',
      'cells/a2.tif',
      'cells/a10.tif',
      'stacks/c.tif',
      'stacks/d.tif',
    ]);
  });

  it('sorts by sidecar state and by dimensions', () => {
    const store = storeWithRows([
      makeRow('big.tif', {}, { header: { ...makeRow('x').header!, sizes: "{'Z': 10, 'Y': 512, 'X': 512}" } }),
      makeRow('none.tif', {}, { sidecar: 'missing' }),
      makeRow('small.tif', {}, { header: { ...makeRow('x').header!, sizes: "{'Y': 64, 'X': 64}" } }),
    ]).store;
    store.getState().sortBy('dims');
    expect(selectVisiblePaths(store.getState())).toEqual(['small.tif', 'none.tif', 'big.tif']);
    store.getState().sortBy('sidecar');
    expect(selectVisiblePaths(store.getState())[0]).toBe('none.tif');
  });
});
