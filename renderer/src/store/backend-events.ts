/** The one place where backend events enter the store. */
import type { MenuCommand } from '../../../shared/api';
import type { AppStore } from './app-store';

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
      void state.saveAll();
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
  }
}

/**
 * Feeds scan progress, changes on disk and menu commands from the backend into the store, and
 * lets rows held back from a disk change catch up once their edits are gone; returns the
 * unsubscribe.
 */
export function connectBackendEvents(store: AppStore): () => void {
  const stopEvents = store.getState().client.onEvent((event) => {
    const state = store.getState();
    switch (event.type) {
      case 'menu':
        runMenuCommand(store, event.command);
        break;
      case 'folder-changed':
        state.applyFolderChanges(event);
        break;
      case 'folder-watching':
        state.setWatchMode(event.root, event.mode);
        break;
      default:
        state.handleScanEvent(event);
    }
  });
  const stopSettling = store.subscribe((state, previous) => {
    if (state.edits !== previous.edits && Object.keys(state.diskMarks).length > 0) state.settleDiskMarks();
  });
  return () => {
    stopEvents();
    stopSettling();
  };
}
