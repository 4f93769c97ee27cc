import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../../renderer/src/app-store';
import { connectBackendEvents } from '../../../../../renderer/src/backend-events';
import { fakeBackend, makeRow } from '../fake-client';

describe('session and scan', () => {
  it('opens the session folder, scans it and takes rows from scan events', async () => {
    const backend = fakeBackend([]);
    const store = createAppStore(backend.client);
    connectBackendEvents(store);
    await store.getState().loadSession();
    expect(store.getState().scan).toMatchObject({ id: 'scan-1', status: 'scanning' });
    backend.emit({
      type: 'scan-rows',
      scanId: 'scan-1',
      rows: [makeRow('a.tif'), makeRow('b.tif')],
      done: 2,
      total: 3,
    });
    backend.emit({ type: 'scan-rows', scanId: 'other', rows: [makeRow('stale.tif')], done: 1, total: 1 });
    backend.emit({ type: 'scan-rows', scanId: 'scan-1', rows: [makeRow('c.tif')], done: 3, total: 3 });
    backend.emit({ type: 'scan-done', scanId: 'scan-1', total: 3 });
    expect(store.getState().rowOrder).toEqual(['a.tif', 'b.tif', 'c.tif']);
    expect(store.getState().scan).toMatchObject({ status: 'done', done: 3, total: 3 });
  });

  it('says where the change journal went when the open folder cannot be written', () => {
    const backend = fakeBackend([]);
    const store = createAppStore(backend.client);
    connectBackendEvents(store);
    backend.emit({ type: 'journal-elsewhere', root: '/lab', dir: '/home/ana/.config/AcqMeta/journals/0123' });
    expect(store.getState().notices.at(-1)).toMatchObject({
      tone: 'error',
      text: 'This folder cannot be written: its change journal is kept in /home/ana/.config/AcqMeta/journals/0123 instead.',
    });
  });

  it('starts the scan with the session call and keeps the rows that arrive before its answer', async () => {
    const backend = fakeBackend([]);
    const getSession = backend.client.getSession;
    const asked: unknown[] = [];
    backend.client.getSession = (request) => {
      asked.push(request);
      backend.emit({ type: 'scan-rows', scanId: 'scan-1', rows: [makeRow('early.tif')], done: 1, total: null });
      return getSession(request);
    };
    backend.client.scanFolder = () => Promise.reject(new Error('no second request: the session call started the scan'));
    const store = createAppStore(backend.client);
    connectBackendEvents(store);
    await store.getState().loadSession();
    expect(asked).toEqual([{ scan: true }]);
    expect(store.getState().scan).toMatchObject({ id: 'scan-1', status: 'scanning' });
    expect(store.getState().rowOrder).toEqual(['early.tif']);
    expect(store.getState().session).not.toHaveProperty('scanId');
  });

  it('keeps the rows of the session scan the page asked for before the app started (early-session.ts)', async () => {
    const backend = fakeBackend([]);
    const store = createAppStore(backend.client);
    connectBackendEvents(store);
    backend.emit({ type: 'scan-rows', scanId: 'scan-1', rows: [makeRow('first.tif')], done: 1, total: null });
    backend.emit({ type: 'scan-rows', scanId: 'stale', rows: [makeRow('stale.tif')], done: 1, total: null });
    await store.getState().loadSession();
    expect(store.getState().scan).toMatchObject({ id: 'scan-1', status: 'scanning' });
    expect(store.getState().rowOrder).toEqual(['first.tif']);
  });

  it('asks for the session, and so the scan, only once the event stream can carry its rows', async () => {
    const backend = fakeBackend([]);
    const order: string[] = [];
    let open: () => void = () => undefined;
    backend.client.eventsReady = () =>
      new Promise<void>((resolve) => (open = () => (order.push('stream open'), resolve())));
    const getSession = backend.client.getSession;
    backend.client.getSession = (request) => (order.push('getSession'), getSession(request));
    const store = createAppStore(backend.client);
    const loading = store.getState().loadSession();
    await Promise.resolve();
    expect(order).toEqual([]);
    open();
    await loading;
    expect(order).toEqual(['stream open', 'getSession']);
  });

  it('keeps rows that arrive before scanFolder answers', async () => {
    const backend = fakeBackend([]);
    const scanFolder = backend.client.scanFolder;
    backend.client.scanFolder = (request) => {
      backend.emit({ type: 'scan-rows', scanId: 'scan-1', rows: [makeRow('early.tif')], done: 1, total: null });
      return scanFolder(request);
    };
    const store = createAppStore(backend.client);
    connectBackendEvents(store);
    await store.getState().startScan();
    expect(store.getState().rowOrder).toEqual(['early.tif']);
  });

  it('opening another folder drops rows, edits and selection', async () => {
    const backend = fakeBackend([]);
    const store = createAppStore(backend.client);
    store.getState().addRows([makeRow('a.tif')]);
    store.getState().selectOnly('a.tif');
    store.getState().setFieldText(['a.tif'], 'species', 'rat');
    store.getState().requestOpenFolder('/other');
    expect(store.getState().openPrompt).toEqual({ path: '/other' });
    await store.getState().answerOpenPrompt('discard');
    const s = store.getState();
    expect(s.folder).toEqual({ root: '/other', name: '/other' });
    expect([s.rowOrder, s.edits, s.selected.size]).toEqual([[], {}, 0]);
  });

  it('menu commands reach the store', () => {
    const backend = fakeBackend([]);
    const store = createAppStore(backend.client);
    connectBackendEvents(store);
    backend.emit({ type: 'menu', command: 'find' });
    backend.emit({ type: 'menu', command: 'toggle-theme' });
    expect(store.getState().findRequest).toBe(1);
    expect(store.getState().theme).toBe('dark');
  });

  it('"Open folder…" asks for a path in browser mode and for the native dialog in Electron', async () => {
    const browser = fakeBackend([]);
    const inBrowser = createAppStore(browser.client);
    await inBrowser.getState().loadSession();
    const opened: unknown[] = [];
    browser.client.openFolder = (request) => {
      opened.push(request);
      return Promise.resolve({ ok: true, payload: null });
    };
    inBrowser.getState().requestOpenFolder();
    expect(inBrowser.getState().folderPathPrompt).toBe(true);
    expect(opened).toEqual([]);

    const electron = fakeBackend([]);
    const getSession = electron.client.getSession;
    electron.client.getSession = async (request) => {
      const result = await getSession(request);
      return result.ok ? { ok: true, payload: { ...result.payload, door: 'electron' as const } } : result;
    };
    electron.client.openFolder = (request) => {
      opened.push(request);
      return Promise.resolve({ ok: true, payload: null });
    };
    const inElectron = createAppStore(electron.client);
    await inElectron.getState().loadSession();
    inElectron.getState().requestOpenFolder();
    expect(inElectron.getState().folderPathPrompt).toBe(false);
    expect(opened).toEqual([{}]);
  });
});
