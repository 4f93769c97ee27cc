import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { selectEditView } from '../../../../../renderer/src/store';
import { FOLDED_AT_ONCE } from '../../../../../renderer/src/store/memo/sliced-memo';
import { editView } from '../edit-view';
import { makeRow, storeWithRows } from '../fake-client';

/** `count` images, every third one a rat. */
function lab(count: number) {
  const rows = Array.from({ length: count }, (_, i) =>
    makeRow(`img-${i}.tif`, { species: i % 3 === 0 ? 'rat' : 'mouse' }),
  );
  return { ...storeWithRows(rows), paths: rows.map((row) => row.path) };
}

describe('the editor’s view of a long selection', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is read in slices the first time, then tells the store it is ready', async () => {
    const { store, paths } = lab(FOLDED_AT_ONCE * 3);
    const ready = store.getState().backgroundResults;
    expect(selectEditView(paths)(store.getState())).toBeNull();
    expect(store.getState().backgroundResults).toBe(ready);
    await vi.runAllTimersAsync();
    expect(store.getState().backgroundResults).toBe(ready + 1);
    const view = selectEditView(paths)(store.getState());
    expect(view).toEqual(editView(store.getState(), paths));
    expect(view?.fields.species).toMatchObject({
      mixed: true,
      distinct: 2,
      mixedValues: [
        { text: 'mouse', count: 10_000 },
        { text: 'rat', count: 5_000 },
      ],
    });
  });

  it('follows an edit at once once it has been read, so what was typed shows without waiting', async () => {
    const { store, paths } = lab(FOLDED_AT_ONCE * 2);
    selectEditView(paths)(store.getState());
    await vi.runAllTimersAsync();
    store.getState().setFieldText(paths, 'species', 'vole');
    expect(selectEditView(paths)(store.getState())?.fields.species).toMatchObject({
      text: 'vole',
      mixed: false,
      modified: true,
    });
  });

  it('starts over when an edit comes while it is being read, and gives the view with the edit', async () => {
    const { store, paths } = lab(FOLDED_AT_ONCE * 2);
    expect(selectEditView(paths)(store.getState())).toBeNull();
    store.getState().setFieldText(paths.slice(0, 10), 'species', 'vole');
    expect(selectEditView(paths)(store.getState())).toBeNull();
    await vi.runAllTimersAsync();
    expect(selectEditView(paths)(store.getState())?.fields.species?.mixedValues[0]).toEqual({
      text: 'mouse',
      count: 6_660,
    });
    expect(selectEditView(paths)(store.getState())?.unsaved).toBe(10);
  });

  it('is computed at once for a short selection', () => {
    const { store, paths } = lab(FOLDED_AT_ONCE);
    expect(selectEditView(paths)(store.getState())?.fields.species?.distinct).toBe(2);
  });
});
