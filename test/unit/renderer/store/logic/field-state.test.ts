import { describe, expect, it } from 'vitest';
import { shownValueCounts } from '../../../../../renderer/src/store';
import { editView } from '../edit-view';
import { makeRow, storeWithRows } from '../fake-client';

describe("the editor's view of many images", () => {
  const species = ['mouse', 'rat', 'Mouse', '', 'zebrafish', 'rat', 'mouse', 'mouse', 'gerbil', 'rat', 'vole', 'Mouse'];
  const setup = () =>
    storeWithRows(species.map((value, i) => makeRow(`r-${i}.tif`, { species: value, depth: i % 3 === 0 ? null : 5 })));

  it('lists the values of a mixed field, most frequent first: the first few in the view, all on demand', () => {
    const { store } = setup();
    const paths = store.getState().rowOrder;
    store.getState().setFieldText(['r-3.tif'], 'species', 'vole');
    const all = shownValueCounts(store.getState(), paths, 'species');
    expect(all).toEqual([
      { text: 'mouse', count: 3 },
      { text: 'rat', count: 3 },
      { text: 'Mouse', count: 2 },
      { text: 'vole', count: 2 },
      { text: 'gerbil', count: 1 },
      { text: 'zebrafish', count: 1 },
    ]);
    // whichever image turns the field mixed, the view counts the same
    for (const order of [paths, [...paths].reverse(), [...paths.slice(5), ...paths.slice(0, 5)]]) {
      expect(editView(store.getState(), order).fields.species).toMatchObject({
        mixedValues: all.slice(0, 5),
        distinct: 6,
      });
    }
  });

  it('tells mixed fields from shared ones, typed text included, in one pass', () => {
    const { store } = setup();
    const paths = store.getState().rowOrder;
    store.getState().setFieldText(paths, 'genotype', 'WT');
    const view = editView(store.getState(), paths);
    expect(view.fields.species).toMatchObject({ mixed: true, text: '' });
    expect(view.fields.genotype).toMatchObject({ mixed: false, text: 'WT', modified: true });
    expect(view.fields.depth).toMatchObject({ mixed: true });
    expect(view.unsaved).toBe(paths.length);
  });

  it('counts the different stored values that typing over a mixed selection replaces', () => {
    const { store } = setup();
    const paths = store.getState().rowOrder;
    store.getState().setFieldText(paths, 'species', 'mouse');
    expect(editView(store.getState(), paths).fields.species).toMatchObject({
      replaced: [
        { text: 'rat', count: 3 },
        { text: 'Mouse', count: 2 },
        { text: '', count: 1 },
        { text: 'gerbil', count: 1 },
        { text: 'vole', count: 1 },
      ],
      replacedDistinct: 6,
    });
    // Values that all held one value: nothing different is replaced.
    store.getState().setFieldText(paths, 'genotype', 'WT');
    expect(editView(store.getState(), paths).fields.genotype).toMatchObject({ replaced: [], replacedDistinct: 1 });
  });
});
