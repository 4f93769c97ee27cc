import { describe, expect, it } from 'vitest';
import { makeRow, storeWithRows } from '../fake-client';

const paths = ['a.tif', 'b.tif', 'c.tif', 'd.tif', 'e.tif'];
const selected = (store: ReturnType<typeof storeWithRows>['store']) => [...store.getState().selected].sort();

describe('selection', () => {
  it('click selects one, Ctrl/Cmd+click toggles, Shift+click selects the visible range from the anchor', () => {
    const { store } = storeWithRows(paths.map((p) => makeRow(p)));
    const s = store.getState();
    s.selectOnly('b.tif');
    s.toggleSelected('d.tif');
    expect(selected(store)).toEqual(['b.tif', 'd.tif']);
    store.getState().selectRange('a.tif');
    expect(selected(store)).toEqual(['a.tif', 'b.tif', 'c.tif', 'd.tif']);
    store.getState().toggleSelected('b.tif');
    expect(selected(store)).toEqual(['a.tif', 'c.tif', 'd.tif']);
  });

  it('ranges follow the sorted, filtered order the table shows', () => {
    const rows = [
      makeRow('a.tif', { depth: 3 }),
      makeRow('b.tif', { depth: 1 }),
      makeRow('c.tif', { depth: 2 }),
      makeRow('x.tif', { depth: 1.5 }),
    ];
    const { store } = storeWithRows(rows);
    store.getState().sortBy('depth');
    store.getState().setFilterText('.tif');
    store.getState().selectOnly('b.tif');
    store.getState().selectRange('c.tif');
    expect(selected(store)).toEqual(['b.tif', 'c.tif', 'x.tif']);
  });

  it('arrow keys move the selection, Shift extends it, Home/End jump to the ends', () => {
    const { store } = storeWithRows(paths.map((p) => makeRow(p)));
    const s = store.getState();
    s.moveCursor({ by: 1 }, false);
    expect(selected(store)).toEqual(['a.tif']);
    store.getState().moveCursor({ by: 1 }, false);
    expect(selected(store)).toEqual(['b.tif']);
    store.getState().moveCursor({ by: 2 }, true);
    expect(selected(store)).toEqual(['b.tif', 'c.tif', 'd.tif']);
    store.getState().moveCursor('last', false);
    expect(selected(store)).toEqual(['e.tif']);
    store.getState().moveCursor({ by: 5 }, false);
    expect(selected(store)).toEqual(['e.tif']);
    store.getState().moveCursor('first', true);
    expect(selected(store)).toEqual(paths);
  });

  it('select all takes only the visible rows', () => {
    const { store } = storeWithRows(paths.map((p) => makeRow(p)));
    store.getState().setFilterText('b.tif');
    store.getState().selectAllVisible();
    expect(selected(store)).toEqual(['b.tif']);
    store.getState().setFilterText('');
    store.getState().selectAllVisible();
    expect(selected(store)).toEqual(paths);
  });
});
