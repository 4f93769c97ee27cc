/**
 * The preload: exposes `window.acqmeta`, one function per API method plus `onEvent`,
 * `setMenuState` and `answerWindow`.
 *
 * Runs sandboxed with context isolation. The page gets named functions only, never
 * `ipcRenderer` or an IPC event object (Electron security checklist, item 20).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_METHOD_NAMES, type ApiCalls, type ApiClient, type ApiEvent } from '../../shared/api';
import { CALL_CHANNEL, EVENT_CHANNEL, MENU_STATE_CHANNEL, WINDOW_ANSWER_CHANNEL } from './ipc-channels';

const methods = Object.fromEntries(
  API_METHOD_NAMES.map((name) => [name, (request: unknown) => ipcRenderer.invoke(CALL_CHANNEL, name, request)]),
) as ApiCalls;

const api: ApiClient = {
  ...methods,
  onEvent(listener) {
    const forward = (_event: IpcRendererEvent, payload: ApiEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
  setMenuState(state) {
    ipcRenderer.send(MENU_STATE_CHANNEL, { undo: state.undo, redo: state.redo });
  },
  answerWindow(answer) {
    ipcRenderer.send(WINDOW_ANSWER_CHANNEL, { id: answer.id, value: answer.value });
  },
};

contextBridge.exposeInMainWorld('acqmeta', api);
