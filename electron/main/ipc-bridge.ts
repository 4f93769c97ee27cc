/**
 * Connects the backend to the window: one IPC handler for calls, events pushed back.
 *
 * Every call is checked against {@link isTrustedSender}, then by `vet` (the main process's own
 * rules, e.g. which folders may be opened by path), before the backend sees it; the backend then
 * validates the method name and the request itself.
 */
import { ipcMain, type IpcMainEvent, type WebContents } from 'electron';
import type { ApiError, ApiResult, MenuState } from '../../shared/api';
import type { BackendPort } from '../services/backend';
import { CALL_CHANNEL, EVENT_CHANNEL, MENU_STATE_CHANNEL } from './ipc-channels';
import { isTrustedSender } from './security/sender-guard';

/** Registers the call handler and the event forwarding; returns a function undoing both. */
export function connectBackend(
  backend: BackendPort,
  target: () => WebContents | null,
  afterCall: (method: string, result: ApiResult<unknown>) => void,
  vet: (method: string, request: unknown) => ApiError | null = () => null,
): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, request: unknown): Promise<ApiResult<unknown>> => {
    if (!isTrustedSender(event.senderFrame)) {
      return { ok: false, error: { code: 'BAD_REQUEST', message: 'Refused a call from outside the app window.' } };
    }
    const name = typeof method === 'string' ? method : '';
    const refusal = vet(name, request);
    if (refusal !== null) return { ok: false, error: refusal };
    const result = await backend.call(name, request);
    afterCall(name, result);
    return result;
  });
  const unsubscribe = backend.onEvent((event) => {
    const contents = target();
    if (contents !== null && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
  });
  return () => {
    ipcMain.removeHandler(CALL_CHANNEL);
    unsubscribe();
  };
}

/** A menu state sent by the window, or null when it is not one (labels are short text or null). */
export function parseMenuState(value: unknown): MenuState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { undo, redo } = value as Record<string, unknown>;
  const label = (v: unknown): v is string | null => v === null || (typeof v === 'string' && v.length <= 200);
  return label(undo) && label(redo) ? { undo, redo } : null;
}

/** Passes the window's menu states (from the app window only) to `update`; returns the unsubscribe. */
export function listenForMenuState(update: (state: MenuState) => void): () => void {
  const listener = (event: IpcMainEvent, value: unknown) => {
    const state = isTrustedSender(event.senderFrame) ? parseMenuState(value) : null;
    if (state !== null) update(state);
  };
  ipcMain.on(MENU_STATE_CHANNEL, listener);
  return () => ipcMain.removeListener(MENU_STATE_CHANNEL, listener);
}
