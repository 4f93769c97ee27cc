/**
 * Connects the backend to the window: one IPC handler for calls, events pushed back.
 *
 * Every call is checked against {@link isTrustedSender}, then by `vet` (the main process's own
 * rules, e.g. which folders may be opened by path), before the backend sees it; the backend then
 * validates the method name and the request itself.
 */
import { ipcMain, type WebContents } from 'electron';
import type { ApiError, ApiResult } from '../../shared/api';
import type { BackendPort } from '../server/backend-port';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc-channels';
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
