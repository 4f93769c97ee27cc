import { describe, expect, it } from 'vitest';
import { resultColumnKey } from '../../../../shared/columns';
import { shownColumns } from '../../../../renderer/src/lib/columns';
import { createAppStore } from '../../../../renderer/src/app-store';
import { selectResultKeys } from '../../../../renderer/src/results/result-selectors';
import { selectVisiblePaths } from '../../../../renderer/src/store';
import { PREFS_KEY, type PrefsStorage } from '../../../../renderer/src/view-prefs';
import { fakeBackend, makeRow, storeWithRows } from '../store/fake-client';

const MEAN_1 = 'radon_velocity/1/0/velocity_mean';
const MEAN_2 = 'radon_velocity/2/0/velocity_mean';

function setup() {
  return storeWithRows([
    makeRow('a.tif', { genotype: 'WT' }, { results: { [MEAN_1]: 1.74263643202636, [MEAN_2]: 'NaN' } }),
    makeRow('b.tif', { genotype: 'KO' }),
    makeRow('c.tif', { genotype: 'KO' }, { results: { [MEAN_1]: 0.92, [MEAN_2]: 'Infinity' } }),
    makeRow('d.tif', {}, { results: { [MEAN_1]: 'NaN' } }),
  ]);
}

describe('result columns', () => {
  it('sort the rows by a summary value; NaN and no value go last either way', () => {
    const { store } = setup();
    store.getState().sortBy(resultColumnKey(MEAN_1));
    expect(selectVisiblePaths(store.getState())).toEqual(['c.tif', 'a.tif', 'b.tif', 'd.tif']);
    store.getState().sortBy(resultColumnKey(MEAN_1));
    expect(selectVisiblePaths(store.getState())).toEqual(['a.tif', 'c.tif', 'b.tif', 'd.tif']);
    store.getState().sortBy(resultColumnKey(MEAN_2));
    expect(selectVisiblePaths(store.getState())).toEqual(['c.tif', 'a.tif', 'b.tif', 'd.tif']);
  });

  it('are matched by the filter as the cells show them', () => {
    const { store } = setup();
    store.getState().setFilterText('1.74264');
    expect(selectVisiblePaths(store.getState())).toEqual(['a.tif']);
    store.getState().setFilterText('infinity');
    expect(selectVisiblePaths(store.getState())).toEqual(['c.tif']);
  });

  it('are listed once for the folder, and shown after the other columns in the order chosen', () => {
    const { store } = setup();
    expect(selectResultKeys(store.getState())).toEqual([MEAN_1, MEAN_2]);
    const columns = shownColumns(['species', resultColumnKey(MEAN_2), resultColumnKey(MEAN_1), 'result:nonsense']);
    expect(columns.slice(-2).map((c) => c.label)).toEqual(['velocity_mean · ROI 2', 'velocity_mean · ROI 1']);
    expect(columns.at(-1)?.longLabel).toBe('radon_velocity · velocity_mean, ROI 1');
  });

  it('persist in the view preferences, and malformed result keys are dropped', () => {
    const data: Record<string, string> = {
      [PREFS_KEY]: JSON.stringify({
        visibleColumns: ['species', resultColumnKey(MEAN_1), 'result:a/b'],
        sort: { column: resultColumnKey(MEAN_1), direction: 'desc' },
      }),
    };
    const storage: PrefsStorage = { getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
    const s = createAppStore(fakeBackend([]).client, storage).getState();
    expect(s.visibleColumns).toEqual(['species', resultColumnKey(MEAN_1)]);
    expect(s.sort).toEqual({ column: resultColumnKey(MEAN_1), direction: 'desc' });
  });
});

describe('exportResults', () => {
  it('asks the backend for the listed images or the folder and hands back the file', async () => {
    const { store, backend } = setup();
    const file = await store.getState().exportResults(['a.tif', 'c.tif'], 'tsv');
    expect(file?.fileName).toBe('lab-results.tsv');
    await store.getState().exportResults(null, 'csv');
    expect(backend.exports).toEqual([{ paths: ['a.tif', 'c.tif'], format: 'tsv' }, { format: 'csv' }]);
    expect(store.getState().exportingResults).toBe(false);
  });

  it('says why when the backend fails, and resolves null', async () => {
    const { store, backend } = setup();
    backend.client.exportResults = () => Promise.resolve({ ok: false, error: { code: 'IO', message: 'disk gone' } });
    expect(await store.getState().exportResults(null, 'csv')).toBeNull();
    expect(store.getState().notices.map((n) => n.text)).toEqual(['The results could not be exported: disk gone']);
  });
});
