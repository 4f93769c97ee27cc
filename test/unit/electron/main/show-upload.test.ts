/**
 * "Open upload folder" at the end of a build, through the desktop app's own glue with a stand-in
 * for `electron` (Electron cannot launch here): the window calls the real preload, the IPC
 * bridge hands the call to the backend, and the backend's file manager is the main process's
 * (`shell.openPath`). The built upload is what the file manager is asked to open; when it cannot,
 * the window is answered with a message naming the folder and the system's reason (which the
 * upload slice shows: test/unit/renderer/upload/upload-slice.test.ts).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient, ApiEvent } from '../../../../shared/api';
import { LAB, uploadLabFiles } from '../cli/upload-lab';
import { removeTestBundles, startBackend, type Harness } from '../services/backend/backend-harness';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
type Listener = (event: unknown, payload: unknown) => void;

const electron = vi.hoisted(() => ({
  handlers: new Map<string, Handler>(),
  listeners: new Map<string, Listener>(),
  exposed: new Map<string, unknown>(),
  /** The folders `shell.openPath` was asked to open. */
  opened: [] as string[],
  /** What `shell.openPath` answers: '' when it opened the folder, else the system's reason. */
  answer: '',
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => electron.handlers.set(channel, handler),
    removeHandler: (channel: string) => electron.handlers.delete(channel),
    on: () => {},
    removeListener: () => {},
  },
  ipcRenderer: {
    // the app window's main frame, as the bridge's sender check knows it
    invoke: (channel: string, ...args: unknown[]) =>
      electron.handlers.get(channel)?.({ senderFrame: { url: 'app://acqmeta/index.html', parent: null } }, ...args),
    on: (channel: string, listener: Listener) => electron.listeners.set(channel, listener),
    removeListener: (channel: string) => electron.listeners.delete(channel),
    send: () => {},
  },
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  shell: {
    openPath: async (folder: string) => {
      electron.opened.push(folder);
      return electron.answer;
    },
  },
  dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
}));

await import('../../../../electron/main/preload');
const { connectBackend } = await import('../../../../electron/main/ipc-bridge');
const { nativeFolders } = await import('../../../../electron/main/native-folders');

let base: string;
let h: Harness;
let disconnect: () => void;

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'acqmeta-show-upload-'));
  for (const [rel, content] of Object.entries(uploadLabFiles())) {
    await mkdir(path.dirname(path.join(base, rel)), { recursive: true });
    await writeFile(path.join(base, rel), content);
  }
  electron.opened.length = 0;
  electron.answer = '';
  h = await startBackend({ door: 'electron', ...nativeFolders(() => null) });
  // the main process pushes events to the window, whose preload hands them to the store
  const window = {
    isDestroyed: () => false,
    send: (channel: string, payload: unknown) => electron.listeners.get(channel)?.({}, payload),
  };
  disconnect = connectBackend(
    h.backend,
    () => window as never,
    () => {},
  );
  await h.ok('openFolder', { path: path.join(base, LAB) });
});
afterEach(async () => {
  disconnect();
  await h.backend.close();
  await rm(base, { recursive: true, force: true });
});
afterAll(removeTestBundles);

/** The preload's `window.acqmeta`, as the window sees it. */
const windowApi = (): ApiClient => electron.exposed.get('acqmeta') as ApiClient;

/** Builds the upload at `upload` through the window's API; resolves to the build's job. */
async function builtUpload(upload: string): Promise<string> {
  const api = windowApi();
  const review = await api.reviewUpload({ format: 'hubmap:confocal', upload, force: false });
  if (!review.ok) throw new Error(review.error.message);
  const ended = new Promise<ApiEvent>((resolve) => {
    const stop = api.onEvent((event) => {
      if (event.type === 'upload-done' || event.type === 'upload-failed') {
        stop();
        resolve(event);
      }
    });
  });
  const started = await api.startUpload({ reviewId: review.payload.reviewId });
  if (!started.ok) throw new Error(started.error.message);
  expect(await ended).toMatchObject({ type: 'upload-done', outcome: { kind: 'built', upload } });
  return started.payload.jobId;
}

describe('Open upload folder in the desktop app', () => {
  it('asks the file manager to open the built upload', async () => {
    const upload = path.join(base, 'upload');
    const jobId = await builtUpload(upload);
    expect(await windowApi().showUpload({ jobId })).toEqual({ ok: true, payload: { shown: true } });
    expect(electron.opened).toEqual([upload]);
  });

  it('answers the window, naming the folder and the system’s reason, when the file manager cannot open it', async () => {
    const upload = path.join(base, 'upload');
    const jobId = await builtUpload(upload);
    electron.answer = 'No application is registered as handling this file';
    expect(await windowApi().showUpload({ jobId })).toEqual({
      ok: false,
      error: {
        code: 'IO',
        message: `The file manager could not open the upload folder ${upload}: No application is registered as handling this file`,
      },
    });
    expect(electron.opened).toEqual([upload]);
  });
});
