import { describe, expect, it } from 'vitest';
import type { ConvertOptions, ConvertSummary } from '../../../../shared/api';
import { connectBackendEvents } from '../../../../renderer/src/backend-events';
import { makeRow, storeWithRows } from '../store/fake-client';

const OPTIONS: ConvertOptions = { compression: 'zlib', flat: false, extension: '.ome.tiff', force: false };
const ROWS = ['a.tif', 'b.czi', 'c.nd2'].map((path) => makeRow(path));

const summary = (written: string[]): ConvertSummary => ({
  written: written.map((source) => ({
    source,
    image: null,
    output: `/lab/ome-tiff/${source}.ome.tiff`,
    bytes: 1000,
    bigtiff: false,
    levels: 1,
    verified: true,
  })),
  refused: [],
  cancelled: false,
  outputFolder: '/lab/ome-tiff',
});

/** A store with three rows whose backend events reach it as the app's do. */
function setup() {
  const { store, backend } = storeWithRows(ROWS);
  connectBackendEvents(store);
  return { store, backend };
}

describe('the convert slice', () => {
  it('converts the selected images in table order, else every image of the folder', async () => {
    const { store, backend } = setup();
    await store.getState().startConvert('ome-tiff', OPTIONS);
    store.getState().toggleSelected('c.nd2');
    store.getState().toggleSelected('a.tif');
    await store.getState().startConvert('/elsewhere', { ...OPTIONS, flat: true });
    expect(backend.converts).toEqual([
      { paths: ['a.tif', 'b.czi', 'c.nd2'], outputFolder: 'ome-tiff', options: OPTIONS },
      { paths: ['a.tif', 'c.nd2'], outputFolder: '/elsewhere', options: { ...OPTIONS, flat: true } },
    ]);
  });

  it('follows its job’s progress to the summary, and ignores other jobs’ events', async () => {
    const { store, backend } = setup();
    store.getState().openConvertDialog();
    await store.getState().startConvert('ome-tiff', OPTIONS);
    expect(store.getState().convertJob).toMatchObject({ jobId: 'job-1', images: 3, progress: null });
    backend.emit({ type: 'convert-progress', jobId: 'job-1', done: 2, total: 6, current: 'b.czi' });
    backend.emit({ type: 'convert-progress', jobId: 'other', done: 5, total: 9, current: 'x.tif' });
    expect(store.getState().convertJob?.progress).toEqual({ done: 2, total: 6, current: 'b.czi' });
    backend.emit({ type: 'convert-done', jobId: 'other', summary: summary([]) });
    expect(store.getState().convertJob?.summary).toBe(null);
    backend.emit({ type: 'convert-done', jobId: 'job-1', summary: summary(['a.tif', 'b.czi', 'c.nd2']) });
    expect(store.getState().convertJob?.summary?.written).toHaveLength(3);
    // Closing forgets the ended job: the dialog opens on its form again.
    store.getState().closeConvertDialog();
    expect(store.getState().convertJob).toBe(null);
  });

  it('keeps a running job when the dialog is closed, and its summary until it is seen', async () => {
    const { store, backend } = setup();
    store.getState().openConvertDialog();
    await store.getState().startConvert('ome-tiff', OPTIONS);
    store.getState().closeConvertDialog();
    backend.emit({ type: 'convert-done', jobId: 'job-1', summary: summary(['a.tif']) });
    expect(store.getState().convertDialogOpen).toBe(false);
    expect(store.getState().convertJob?.summary?.written.map((w) => w.source)).toEqual(['a.tif']);
    store.getState().openConvertDialog();
    store.getState().closeConvertDialog();
    expect(store.getState().convertJob).toBe(null);
  });

  it('opens the form on the last job’s choices, back from its summary', async () => {
    const { store, backend } = setup();
    expect(store.getState().convertChoices).toEqual({ outputFolder: 'ome-tiff', options: OPTIONS });
    await store.getState().startConvert('copies', { ...OPTIONS, compression: 'lzw' });
    store.getState().convertAgain();
    expect(store.getState().convertJob).not.toBe(null);
    backend.emit({ type: 'convert-done', jobId: 'job-1', summary: summary([]) });
    store.getState().convertAgain();
    expect(store.getState().convertJob).toBe(null);
    expect(store.getState().convertChoices).toEqual({
      outputFolder: 'copies',
      options: { ...OPTIONS, compression: 'lzw' },
    });
  });

  it('cancels its own job, once', async () => {
    const { store, backend } = setup();
    await store.getState().startConvert('ome-tiff', OPTIONS);
    await store.getState().cancelConvert();
    expect(backend.convertCancels).toEqual(['job-1']);
    expect(store.getState().convertJob?.cancelling).toBe(true);
    backend.emit({ type: 'convert-done', jobId: 'job-1', summary: { ...summary([]), cancelled: true } });
    await store.getState().cancelConvert();
    expect(backend.convertCancels).toEqual(['job-1']);
    expect(store.getState().convertJob?.summary?.cancelled).toBe(true);
  });

  it('takes events that arrive before the backend’s answer, and shows a failure', async () => {
    const { store, backend } = setup();
    const started = store.getState().startConvert('ome-tiff', OPTIONS);
    backend.emit({
      type: 'convert-failed',
      jobId: 'job-1',
      error: { code: 'IO', message: 'The output folder cannot be made.' },
    });
    await started;
    expect(store.getState().convertJob).toMatchObject({
      jobId: 'job-1',
      failure: 'The output folder cannot be made.',
    });
  });

  it('shows a refused request as the failure', async () => {
    const { store, backend } = setup();
    backend.client.startConvert = () =>
      Promise.resolve({ ok: false, error: { code: 'OUTSIDE_FOLDER', message: 'That folder is not allowed.' } });
    await store.getState().startConvert('/etc', OPTIONS);
    expect(store.getState().convertJob).toMatchObject({ jobId: null, failure: 'That folder is not allowed.' });
  });
});
