/** The one place where backend events enter the store. */
import type { MenuCommand } from '../../../shared/api';
import { isTextEntry } from '../lib/text-entry';
import type { AppStore } from './app-store';
import { batchScanEvents, nextFrame, type FrameScheduler } from './scan-event-batcher';

/** Whether the system theme is dark now (the menu's "Toggle theme" switches away from what is shown). */
function systemIsDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Runs a native-menu command (also used by keyboard shortcuts). */
export function runMenuCommand(store: AppStore, command: MenuCommand): void {
  const state = store.getState();
  switch (command) {
    case 'open-folder':
      state.requestOpenFolder();
      break;
    case 'save':
      void state.requestSave();
      break;
    case 'revert-field':
      state.revertActiveField();
      break;
    case 'find':
      state.requestFind();
      break;
    case 'toggle-theme':
      state.toggleTheme(systemIsDark());
      break;
    case 'show-shortcuts':
      state.setShortcutsOpen(true);
      break;
    case 'copy-metadata':
      state.copyMetadata();
      break;
    case 'paste-metadata':
      state.requestPaste();
      break;
    case 'undo':
    case 'redo':
      // A text field with the focus keeps its own text undo; elsewhere it is the app's history.
      if (typeof document !== 'undefined' && isTextEntry(document.activeElement)) document.execCommand(command);
      else if (command === 'undo') state.undo();
      else state.redo();
      break;
  }
}

/**
 * Feeds scan progress and menu commands from the backend into the store, scan rows at most
 * once per frame (see scan-event-batcher); returns the unsubscribe.
 */
export function connectBackendEvents(store: AppStore, schedule: FrameScheduler = nextFrame): () => void {
  const scanEvent = batchScanEvents((event) => store.getState().handleScanEvent(event), schedule);
  return store.getState().client.onEvent((event) => {
    if (event.type === 'menu') runMenuCommand(store, event.command);
    else scanEvent(event);
  });
}
