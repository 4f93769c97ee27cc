import { describe, expect, it } from 'vitest';
import { dateToFill, selectDateFill } from '../../../../../renderer/src/store';
import { makeRow, storeWithRows } from '../fake-client';

const acquiredOn = (acquired_at: string) => ({ acquisition: { sources: ['ome' as const], acquired_at } });

describe('filling Date from the acquisition', () => {
  const rows = () => [
    makeRow('empty.tif', { date: '' }, acquiredOn('2024-03-05T10:11:12')),
    makeRow('utc.tif', { date: '' }, acquiredOn('2024-03-06T23:30:00Z')),
    makeRow('dated.tif', { date: '2020-01-01' }, acquiredOn('2024-03-05T10:11:12')),
    makeRow('unknown.tif', { date: '' }),
    makeRow('damaged.tif', { date: '' }, { ...acquiredOn('2024-03-05T10:11:12'), sidecar: 'invalid' }),
  ];

  it('offers the day the file records only where Date is empty and the sidecar can be written', () => {
    const { store } = storeWithRows(rows());
    const s = store.getState();
    expect(dateToFill(s, 'empty.tif')).toBe('2024-03-05');
    expect(dateToFill(s, 'utc.tif')).toBe('2024-03-06');
    expect(dateToFill(s, 'dated.tif')).toBeNull();
    expect(dateToFill(s, 'unknown.tif')).toBeNull();
    expect(dateToFill(s, 'damaged.tif')).toBeNull();
  });

  it('counts a selection, naming the day only when it is one for all', () => {
    const { store } = storeWithRows(rows());
    const all = ['empty.tif', 'utc.tif', 'dated.tif', 'unknown.tif', 'damaged.tif'];
    expect(selectDateFill(all)(store.getState())).toEqual({ count: 2, day: null });
    expect(selectDateFill(['empty.tif', 'dated.tif'])(store.getState())).toEqual({ count: 1, day: '2024-03-05' });
  });

  it('fills every offered image in one undo step, and the offer is gone until it is undone', () => {
    const { store } = storeWithRows(rows());
    const all = ['empty.tif', 'utc.tif', 'dated.tif', 'unknown.tif'];
    store.getState().fillDateFromAcquisition(all);
    const edits = store.getState().edits;
    expect(Object.keys(edits).sort()).toEqual(['empty.tif', 'utc.tif']);
    expect(edits['empty.tif']?.date?.value).toBe('2024-03-05');
    expect(edits['utc.tif']?.date?.value).toBe('2024-03-06');
    expect(dateToFill(store.getState(), 'empty.tif')).toBeNull();
    store.getState().undo();
    expect(store.getState().edits).toEqual({});
    expect(dateToFill(store.getState(), 'empty.tif')).toBe('2024-03-05');
  });
});
