import { describe, expect, it, vi } from 'vitest';
import type { ApiEvent, ImageRow } from '../../../../shared/api';
import { createAppStore, type AppStore } from '../../../../renderer/src/app-store';
import { connectBackendEvents } from '../../../../renderer/src/backend-events';
import { prepareForFilter, selectQuickCounts, selectVisiblePaths } from '../../../../renderer/src/store/filter';
import { batchScanEvents, spacedFrames } from '../../../../renderer/src/scan-event-batcher';
import { selectSuggestions, type ScanEvent } from '../../../../renderer/src/store';
import { fakeBackend, makeRow, storeWithRows } from './fake-client';

const SPECIES = ['mouse', 'rat', '', 'zebrafish', 'Mouse'];

/** 300 rows in scan order: paths that do not sort as they come, species and depths that repeat. */
function manyRows(): ImageRow[] {
  return Array.from({ length: 300 }, (_, i) =>
    makeRow(
      `day-${(i * 7) % 13}/cell-${(i * 37) % 300}.tif`,
      { species: SPECIES[i % 5] ?? '', depth: i % 4 === 0 ? null : (i * 13) % 50 },
      i % 9 === 0 ? { sidecar: 'missing', version: null } : {},
    ),
  );
}

/** A store that sees `rows` arrive in batches of `size`, as a scan sends them, after `prepare` set the view. */
function streamed(rows: ImageRow[], size: number, prepare: (store: AppStore) => void): AppStore {
  const store = createAppStore(fakeBackend([]).client);
  prepare(store);
  for (let start = 0; start < rows.length; start += size) {
    store.getState().addRows(rows.slice(start, start + size));
    selectVisiblePaths(store.getState());
    selectQuickCounts(store.getState());
    selectSuggestions(store.getState(), 'species');
  }
  return store;
}

describe('rows streaming in', () => {
  it.each([
    ['no filter, scan order', (store: AppStore) => void store],
    [
      'sorted by depth, descending',
      (store: AppStore) => (store.getState().sortBy('depth'), store.getState().sortBy('depth')),
    ],
    [
      'sorted by path, filtered',
      (store: AppStore) => (store.getState().sortBy('path'), store.getState().setFilterText('mouse')),
    ],
    [
      'sorted by species, only rows without a sidecar',
      (store: AppStore) => (store.getState().sortBy('species'), store.getState().toggleQuickFilter('missing')),
    ],
  ])('shows the same rows, counts and suggestions as if they had come at once: %s', (_name, prepare) => {
    const rows = manyRows();
    const whole = streamed(rows, rows.length, prepare).getState();
    for (const size of [1, 7, 50]) {
      const batched = streamed(rows, size, prepare).getState();
      expect(selectVisiblePaths(batched)).toEqual(selectVisiblePaths(whole));
      expect(selectQuickCounts(batched)).toEqual(selectQuickCounts(whole));
      expect(selectSuggestions(batched, 'species')).toEqual(selectSuggestions(whole, 'species'));
    }
  });

  it('filters the whole folder alike after rows streamed in under another filter, prepared in idle time or not', () => {
    const rows = manyRows();
    const fresh = streamed(rows, rows.length, (store) =>
      store.getState().setFilterText('-species:mouse depth:>20'),
    ).getState();
    for (const prepare of [false, true]) {
      const store = streamed(rows, 7, (s) => s.getState().setFilterText('zebrafish'));
      if (prepare)
        prepareForFilter(
          {
            rows: store.getState().rows,
            order: store.getState().rowOrder.slice(0, 100),
            epoch: store.getState().rowsEpoch,
          },
          1000,
        );
      store.getState().setFilterText('-species:mouse depth:>20');
      expect(selectVisiblePaths(store.getState())).toEqual(selectVisiblePaths(fresh));
      expect(selectVisiblePaths(store.getState()).length).toBeGreaterThan(50);
    }
  });

  it('takes a replaced row into account everywhere (a save or a reload)', () => {
    const { store } = storeWithRows([
      makeRow('a.tif', { species: 'mouse' }),
      makeRow('b.tif', {}, { sidecar: 'missing', version: null }),
    ]);
    store.getState().setFilterText('mouse');
    expect(selectVisiblePaths(store.getState())).toEqual(['a.tif']);
    expect(selectQuickCounts(store.getState()).missing).toBe(1);
    store.getState().addRows([makeRow('a.tif', { species: 'rat' }), makeRow('b.tif', { species: 'mouse' })]);
    expect(selectVisiblePaths(store.getState())).toEqual(['b.tif']);
    expect(selectQuickCounts(store.getState()).missing).toBe(0);
    expect(store.getState().rowOrder).toEqual(['a.tif', 'b.tif']);
  });

  it('filters a row replaced in place (a save, a reload) by its new values', () => {
    const { store } = storeWithRows([makeRow('a.tif', { species: 'mouse' }), makeRow('b.tif', { species: 'rat' })]);
    store.getState().setFilterText('species:mouse');
    expect(selectVisiblePaths(store.getState())).toEqual(['a.tif']);
    store.getState().addRows([makeRow('a.tif', { species: 'rat' }), makeRow('b.tif', { species: 'mouse' })]);
    expect(selectVisiblePaths(store.getState())).toEqual(['b.tif']);
  });

  it('counts typed values in the quick filters without visiting every row', () => {
    const { store } = storeWithRows([makeRow('a.tif'), makeRow('b.tif', {}, { sidecar: 'invalid' }), makeRow('c.tif')]);
    expect(selectQuickCounts(store.getState())).toEqual({
      missing: 0,
      invalid: 1,
      unsaved: 0,
      warnings: 0,
      'not-ready': 0,
    });
    store.getState().setFieldText(['a.tif', 'c.tif'], 'depth', 'deep');
    store.getState().setFieldText(['c.tif'], 'species', 'rat');
    expect(selectQuickCounts(store.getState())).toEqual({
      missing: 0,
      invalid: 3,
      unsaved: 2,
      warnings: 0,
      'not-ready': 2,
    });
    store.getState().setFieldText(['a.tif', 'c.tif'], 'depth', '12');
    expect(selectQuickCounts(store.getState())).toEqual({
      missing: 0,
      invalid: 1,
      unsaved: 2,
      warnings: 0,
      'not-ready': 0,
    });
  });
});

describe('scan events', () => {
  const rowsEvent = (scanId: string, paths: string[], done: number): ScanEvent => ({
    type: 'scan-rows',
    scanId,
    rows: paths.map((p) => makeRow(p)),
    done,
    total: 10,
  });

  it('reach the store once per frame, merged, and in order with the other events', () => {
    const delivered: ScanEvent[] = [];
    const frames: (() => void)[] = [];
    const push = batchScanEvents(
      (event) => delivered.push(event),
      (flush) => frames.push(flush),
    );
    push(rowsEvent('s', ['a.tif'], 1));
    push(rowsEvent('s', ['b.tif', 'c.tif'], 3));
    expect(delivered).toEqual([]);
    frames.shift()?.();
    expect(delivered).toEqual([
      {
        type: 'scan-rows',
        scanId: 's',
        rows: [makeRow('a.tif'), makeRow('b.tif'), makeRow('c.tif')],
        done: 3,
        total: 10,
      },
    ]);
    push(rowsEvent('s', ['d.tif'], 4));
    push({ type: 'scan-done', scanId: 's', total: 4 });
    expect(delivered.slice(1).map((e) => e.type)).toEqual(['scan-rows', 'scan-done']);
    frames.shift()?.();
    expect(delivered).toHaveLength(3);
  });

  it('delivers the first rows at the next frame and later ones no more often than every 200 ms', () => {
    vi.useFakeTimers();
    try {
      const frames: (() => void)[] = [];
      const schedule = spacedFrames(
        200,
        (flush) => frames.push(flush),
        () => Date.now(),
      );
      const delivered: number[] = [];
      const push = batchScanEvents<ScanEvent>(
        (event) => delivered.push(event.type === 'scan-rows' ? event.rows.length : -1),
        schedule,
      );
      push(rowsEvent('s', ['a.tif'], 1));
      expect(frames).toHaveLength(1); // the first batch waits only for a frame
      frames.shift()?.();
      push(rowsEvent('s', ['b.tif'], 2));
      vi.advanceTimersByTime(100);
      push(rowsEvent('s', ['c.tif', 'd.tif'], 4));
      expect(frames).toHaveLength(0); // held back: 100 ms since the last delivery
      vi.advanceTimersByTime(100);
      expect(frames).toHaveLength(1);
      frames.shift()?.();
      expect(delivered).toEqual([1, 3]);
      vi.advanceTimersByTime(500);
      push(rowsEvent('s', ['e.tif'], 5));
      expect(frames).toHaveLength(1); // long after the last delivery: the next frame
    } finally {
      vi.useRealTimers();
    }
  });

  it('Cancel stops the scan and keeps the rows listed, those still on their way included', async () => {
    const backend = fakeBackend([]);
    const store = createAppStore(backend.client);
    const frames: (() => void)[] = [];
    connectBackendEvents(store, (flush) => frames.push(flush));
    await store.getState().startScan();
    const emit = (event: ApiEvent) => backend.emit(event);
    emit(rowsEvent('scan-1', ['a.tif', 'b.tif'], 2));
    frames.shift()?.();
    emit(rowsEvent('scan-1', ['c.tif'], 3));
    await store.getState().cancelScan();
    expect(backend.cancels).toEqual(['scan-1']);
    expect(store.getState().scan.status).toBe('cancelled');
    emit({ type: 'scan-cancelled', scanId: 'scan-1', done: 3 });
    expect(store.getState().rowOrder).toEqual(['a.tif', 'b.tif', 'c.tif']);
    expect(store.getState().scan).toMatchObject({ status: 'cancelled', done: 3 });
    emit(rowsEvent('other', ['x.tif'], 1));
    for (const flush of frames.splice(0)) flush();
    expect(store.getState().rowOrder).toHaveLength(3);
  });
});
