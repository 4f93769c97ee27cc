import { describe, expect, it } from 'vitest';
import { storeWithRows, makeRow } from '../fake-client';

const texts = (store: ReturnType<typeof storeWithRows>['store']) => store.getState().notices.map((n) => n.text);

describe('notices', () => {
  it('a repeated message replaces the one with the same cause instead of stacking', () => {
    const { store } = storeWithRows([]);
    store.getState().notify('error', '/a does not exist.', { key: 'open-folder' });
    store.getState().notify('error', 'Disk full.');
    store.getState().notify('error', '/b does not exist.', { key: 'open-folder' });
    store.getState().notify('error', 'Disk full.');
    expect(texts(store)).toEqual(['/b does not exist.', 'Disk full.']);
  });

  it('keeps only the three newest messages', () => {
    const { store } = storeWithRows([]);
    for (const n of [1, 2, 3, 4, 5]) store.getState().notify('error', `problem ${n}`);
    expect(texts(store)).toEqual(['problem 3', 'problem 4', 'problem 5']);
  });

  it('a message goes away by itself once its cause is resolved', () => {
    const { store } = storeWithRows([makeRow('a.tif'), makeRow('b.tif')]);
    store.getState().requestPaste();
    store.getState().copyMetadata();
    expect(texts(store)).toEqual([
      'Copy the metadata of an image first (Ctrl+Shift+C).',
      'Select one image to copy its metadata.',
    ]);
    store.getState().selectOnly('a.tif');
    expect(texts(store)).toEqual(['Copy the metadata of an image first (Ctrl+Shift+C).']);
    store.getState().copyMetadata();
    expect(store.getState().notices.filter((n) => n.tone === 'error')).toEqual([]);
  });

  it('an open-folder error goes away when a folder opens', async () => {
    const { store, backend } = storeWithRows([]);
    backend.client.openFolder = () =>
      Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: '/gone does not exist.' } });
    await store.getState().openFolder('/gone');
    expect(texts(store)).toEqual(['/gone does not exist.']);
    backend.client.openFolder = ({ path }) => Promise.resolve({ ok: true, payload: { root: path!, name: 'x' } });
    await store.getState().openFolder('/there');
    expect(texts(store)).toEqual([]);
  });

  it('a folder dialog that cannot be shown is said so; a folder chosen or a cancel is answered', async () => {
    const { store, backend } = storeWithRows([]);
    expect(await store.getState().chooseFolderPath()).toBeNull();
    backend.client.chooseFolderPath = () => Promise.resolve({ ok: true, payload: { path: '/data/out' } });
    expect(await store.getState().chooseFolderPath()).toBe('/data/out');
    expect(texts(store)).toEqual([]);
    backend.client.chooseFolderPath = () =>
      Promise.resolve({
        ok: false,
        error: { code: 'BAD_REQUEST', message: 'This window cannot show a folder dialog.' },
      });
    expect(await store.getState().chooseFolderPath()).toBeNull();
    expect(texts(store)).toEqual(['This window cannot show a folder dialog.']);
  });
});
