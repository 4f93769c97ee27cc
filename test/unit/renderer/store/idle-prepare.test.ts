import { describe, expect, it, vi } from 'vitest';
import { prepareWhenIdle } from '../../../../renderer/src/store/idle-prepare';
import { prepareForFilter } from '../../../../renderer/src/store/row-filter';
import { makeRow, storeWithRows } from './fake-client';

vi.mock('../../../../renderer/src/store/row-filter', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../renderer/src/store/row-filter')>();
  return { ...actual, prepareForFilter: vi.fn(actual.prepareForFilter) };
});

describe('preparing in idle time', () => {
  it('prepares every row as rows arrive, a slice per idle period, and again for a new folder', () => {
    const idle: ((timeLeft: () => number) => void)[] = [];
    const rows = Array.from({ length: 600 }, (_, i) => makeRow(`r-${i}.tif`));
    const { store } = storeWithRows(rows.slice(0, 400));
    vi.mocked(prepareForFilter).mockClear();
    prepareWhenIdle(store, (work) => idle.push(work));
    // an idle period with room for one slice only
    let checks = 0;
    idle.shift()?.(() => (checks++ === 0 ? 10 : 0));
    expect(prepareForFilter).toHaveBeenCalledTimes(250);
    store.getState().addRows(rows.slice(400));
    while (idle.length > 0) idle.shift()?.(() => 10);
    expect(prepareForFilter).toHaveBeenCalledTimes(600);
    expect(vi.mocked(prepareForFilter).mock.calls.map(([row]) => row.path)).toEqual(rows.map((row) => row.path));
    store.getState().clearRows();
    store.getState().addRows([makeRow('new.tif')]);
    while (idle.length > 0) idle.shift()?.(() => 10);
    expect(vi.mocked(prepareForFilter).mock.calls.at(-1)?.[0].path).toBe('new.tif');
  });
});
