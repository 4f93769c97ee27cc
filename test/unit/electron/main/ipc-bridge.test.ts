import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiError, ApiEvent, ApiResult } from '../../../../shared/api';
import type { BackendPort } from '../../../../electron/services/backend';

const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  listeners: new Map<string, (event: unknown, value: unknown) => void>(),
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
      electron.handlers.set(channel, handler),
    removeHandler: (channel: string) => electron.handlers.delete(channel),
    on: (channel: string, listener: (event: unknown, value: unknown) => void) =>
      electron.listeners.set(channel, listener),
    removeListener: (channel: string) => electron.listeners.delete(channel),
  },
}));

const { connectBackend, listenForMenuState } = await import('../../../../electron/main/ipc-bridge');

const APP_FRAME = { url: 'app://acqmeta/index.html', parent: null };

function setup(vet?: (method: string, request: unknown) => ApiError | null) {
  const calls: Array<[string, unknown]> = [];
  const listeners = new Set<(event: ApiEvent) => void>();
  const backend: BackendPort = {
    async call(method, request): Promise<ApiResult<unknown>> {
      calls.push([method, request]);
      return { ok: true, payload: method };
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const sent: unknown[][] = [];
  const contents = { isDestroyed: () => false, send: (...args: unknown[]) => sent.push(args) };
  const after: string[] = [];
  const disconnect = connectBackend(
    backend,
    () => contents as never,
    (method) => after.push(method),
    vet,
  );
  const invoke = (senderFrame: unknown, method: unknown, request: unknown) =>
    electron.handlers.get('acqmeta:call')?.({ senderFrame }, method, request);
  return { calls, listeners, sent, after, disconnect, invoke };
}

beforeEach(() => electron.handlers.clear());

describe('connectBackend', () => {
  it('runs calls from the app main frame on the backend', async () => {
    const { invoke, calls, after } = setup();
    expect(await invoke(APP_FRAME, 'getSession', {})).toEqual({ ok: true, payload: 'getSession' });
    expect(calls).toEqual([['getSession', {}]]);
    expect(after).toEqual(['getSession']);
  });

  it.each([
    ['a foreign origin', { url: 'https://evil.example/', parent: null }],
    ['a subframe', { url: 'app://acqmeta/index.html', parent: APP_FRAME }],
    ['a destroyed frame', null],
  ])('refuses calls from %s without reaching the backend', async (_name, frame) => {
    const { invoke, calls } = setup();
    const result = (await invoke(frame, 'saveSidecars', { saves: [] })) as ApiResult<unknown>;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('BAD_REQUEST');
    expect(calls).toEqual([]);
  });

  it('returns the main process’s refusal without reaching the backend', async () => {
    const refusal: ApiError = { code: 'OUTSIDE_FOLDER', message: 'no' };
    const { invoke, calls, after } = setup((method) => (method === 'openFolder' ? refusal : null));
    expect(await invoke(APP_FRAME, 'openFolder', { path: '/etc' })).toEqual({ ok: false, error: refusal });
    expect(await invoke(APP_FRAME, 'getSession', {})).toEqual({ ok: true, payload: 'getSession' });
    expect(calls).toEqual([['getSession', {}]]);
    expect(after).toEqual(['getSession']);
  });

  it('forwards backend events to the window and stops when disconnected', () => {
    const { listeners, sent, disconnect } = setup();
    const event: ApiEvent = { type: 'scan-done', scanId: 'x', total: 0 };
    listeners.forEach((l) => l(event));
    expect(sent).toEqual([['acqmeta:event', event]]);
    disconnect();
    expect(listeners.size).toBe(0);
    expect(electron.handlers.has('acqmeta:call')).toBe(false);
  });
});

describe('listenForMenuState', () => {
  it('takes Undo/Redo labels from the app window only, and only well-formed ones', () => {
    const states: unknown[] = [];
    const stop = listenForMenuState((state) => states.push(state));
    const send = (senderFrame: unknown, value: unknown) =>
      electron.listeners.get('acqmeta:menu-state')?.({ senderFrame }, value);
    send(APP_FRAME, { undo: 'Undo Genotype', redo: null });
    send({ url: 'https://evil.example/', parent: null }, { undo: 'Undo evil', redo: null });
    send(APP_FRAME, { undo: 42, redo: null });
    send(APP_FRAME, { undo: 'x'.repeat(500), redo: null });
    expect(states).toEqual([{ undo: 'Undo Genotype', redo: null }]);
    stop();
    expect(electron.listeners.has('acqmeta:menu-state')).toBe(false);
  });
});
