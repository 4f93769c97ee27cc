import { describe, expect, it, vi } from 'vitest';
import { prepareWhenIdle } from '../../../../../renderer/src/store';
import { prepareForFilter } from '../../../../../renderer/src/store/filter';
import { makeRow, storeWithRows } from '../fake-client';

vi.mock('../../../../../renderer/src/store/filter', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../../renderer/src/store/filter')>();
  return { ...actual, prepareForFilter: vi.fn(actual.prepareForFilter) };
});

describe('preparing in idle time', () => {
  it('indexes the rows for the filter as they arrive, a slice per idle period, and again for a new folder', () => {
    const idle: ((timeLeft: () => number) => void)[] = [];
    const rows = Array.from({ length: 600 }, (_, i) => makeRow(`r-${i}.tif`));
    const { store } = storeWithRows(rows.slice(0, 400));
    const prepare = vi.mocked(prepareForFilter);
    prepare.mockClear();
    prepareWhenIdle(store, (work) => idle.push(work));
    // an idle period with room for one slice only
    let checks = 0;
    idle.shift()?.(() => (checks++ === 0 ? 10 : 0));
    expect(prepare.mock.calls.map(([input, count]) => [input.order.length, count])).toEqual([[400, 250]]);
    expect(prepare.mock.results.map((r) => r.value)).toEqual([false]);
    expect(idle).toHaveLength(1);
    store.getState().addRows(rows.slice(400));
    while (idle.length > 0) idle.shift()?.(() => 10);
    expect(prepare.mock.calls.map(([input]) => input.order.length)).toEqual([400, 600, 600]);
    expect(prepare.mock.results.map((r) => r.value)).toEqual([false, false, true]);
    store.getState().clearRows();
    store.getState().addRows([makeRow('new.tif')]);
    while (idle.length > 0) idle.shift()?.(() => 10);
    expect(prepare.mock.calls.at(-1)?.[0].order).toEqual(['new.tif']);
    expect(prepare.mock.results.at(-1)?.value).toBe(true);
  });
});
