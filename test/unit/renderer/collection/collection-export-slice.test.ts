import { describe, expect, it } from 'vitest';
import { connectBackendEvents } from '../../../../renderer/src/backend-events';
import { defaultDestination } from '../../../../renderer/src/collection/collection-export-slice';
import { makeRow, storeWithRows } from '../store/fake-client';

const ROWS = ['a.tif', 'b.czi', 'c.nd2'].map((path) => makeRow(path));

/** A store with three rows whose backend events reach it as the app's do. */
function setup() {
  const { store, backend } = storeWithRows(ROWS);
  connectBackendEvents(store);
  return { store, backend };
}

describe('the collection export slice', () => {
  it('follows its job to the outcome; the dialog stays while it runs', async () => {
    const { store, backend } = setup();
    store.getState().openCollectionExport();
    store.getState().toggleSelected('c.nd2');
    await store.getState().startCollectionExport('lab.ome.zarr', false);
    expect(backend.collectionExports).toEqual([{ paths: ['c.nd2'], destination: 'lab.ome.zarr', force: false }]);
    backend.emit({ type: 'collection-export-progress', jobId: 'export-1', done: 1, total: 1, current: 'c.nd2' });
    backend.emit({ type: 'collection-export-done', jobId: 'other', outcome: { kind: 'cancelled' } });
    store.getState().closeCollectionExport();
    expect(store.getState().collectionExportOpen).toBe(true);
    backend.emit({
      type: 'collection-export-done',
      jobId: 'export-1',
      outcome: {
        kind: 'written',
        destination: '/lab/lab.ome.zarr',
        images: 1,
        replaced: false,
        leftOut: [],
        refusals: [],
        notes: [],
      },
    });
    expect(store.getState().collectionExportJob?.outcome).toMatchObject({ kind: 'written', images: 1 });
    store.getState().closeCollectionExport();
    expect(store.getState()).toMatchObject({ collectionExportOpen: false, collectionExportJob: null });
  });

  it('sends a cancel asked before the backend answered the start, once the job is known', async () => {
    const { store, backend } = setup();
    const started = store.getState().startCollectionExport('lab.ome.zarr', false);
    // the start is not answered yet: the job has no id to cancel
    void store.getState().cancelCollectionExport();
    expect(backend.collectionExportCancels).toEqual([]);
    expect(store.getState().collectionExportJob?.cancelling).toBe(true);
    await started;
    await Promise.resolve();
    expect(backend.collectionExportCancels).toEqual(['export-1']);
    // asked again, it is not sent twice
    await store.getState().cancelCollectionExport();
    expect(backend.collectionExportCancels).toEqual(['export-1']);
  });

  it('suggests <folder>.ome.zarr beside the folder in the desktop app, inside it in browser mode', () => {
    expect(defaultDestination('/data/day 3/', 'electron')).toBe('/data/day 3.ome.zarr');
    expect(defaultDestination('C:\\data\\day3', 'electron')).toBe('C:\\data\\day3.ome.zarr');
    expect(defaultDestination('/data/day3', 'browser')).toBe('day3.ome.zarr');
  });
});
