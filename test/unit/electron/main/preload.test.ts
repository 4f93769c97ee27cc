import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHOD_NAMES, type ApiClient, type ApiEvent } from '../../../../shared/api';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, payload: 'answer' })),
    send: vi.fn((..._args: unknown[]) => undefined),
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: electron.invoke,
    send: electron.send,
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) =>
      electron.listeners.set(channel, listener),
    removeListener: (channel: string) => electron.listeners.delete(channel),
  },
}));

beforeEach(async () => {
  vi.resetModules();
  electron.exposed.clear();
  await import('../../../../electron/main/preload');
});

function api(): ApiClient {
  return electron.exposed.get('acqmeta') as ApiClient;
}

describe('the preload', () => {
  it('exposes only window.acqmeta: one function per API method plus onEvent, setMenuState and answerWindow', () => {
    expect([...electron.exposed.keys()]).toEqual(['acqmeta']);
    const exposed = api() as unknown as Record<string, unknown>;
    expect(Object.keys(exposed).sort()).toEqual(
      [...API_METHOD_NAMES, 'onEvent', 'setMenuState', 'answerWindow'].sort(),
    );
    expect(Object.values(exposed).every((value) => typeof value === 'function')).toBe(true);
  });

  it('sends each call over the one call channel with its method name', async () => {
    expect(await api().getPreview({ path: 'a.tif', c: 0, z: 1, t: 0, maxSize: 512 })).toEqual({
      ok: true,
      payload: 'answer',
    });
    expect(electron.invoke).toHaveBeenLastCalledWith('acqmeta:call', 'getPreview', {
      path: 'a.tif',
      c: 0,
      z: 1,
      t: 0,
      maxSize: 512,
    });
  });

  it('hands listeners the event payload only, never the IPC event object', () => {
    const got: unknown[][] = [];
    const off = api().onEvent((...args: unknown[]) => got.push(args));
    const event: ApiEvent = { type: 'menu', command: 'save' };
    electron.listeners.get('acqmeta:event')?.({ sender: 'ipcRenderer internals' }, event);
    expect(got).toEqual([[event]]);
    off();
    expect(electron.listeners.has('acqmeta:event')).toBe(false);
  });

  it('sends the menu state on its own channel, labels only', () => {
    api().setMenuState?.({ undo: 'Undo Genotype on 2 images', redo: null, extra: 'dropped' } as never);
    expect(electron.send).toHaveBeenLastCalledWith('acqmeta:menu-state', {
      undo: 'Undo Genotype on 2 images',
      redo: null,
    });
  });

  it('sends the answers to the main process’s questions on their own channel, id and value only', () => {
    api().answerWindow?.({ id: 7, value: true, extra: 'dropped' } as never);
    expect(electron.send).toHaveBeenLastCalledWith('acqmeta:window-answer', { id: 7, value: true });
  });
});
