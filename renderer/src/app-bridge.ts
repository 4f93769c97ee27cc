/**
 * What the window offers the outside: `window.acqmetaApp` for the Electron main process
 * (asked before the window closes) and the browser's leave-page prompt.
 */
import type { AppStore } from './store/app-store';
import { selectHasUnsaved } from './store/selectors/edit-selectors';

/** Functions the Electron main process calls with `webContents.executeJavaScript`. */
export interface AcqmetaAppBridge {
  /** Whether anything typed is not saved yet (invalid values count). */
  hasUnsavedChanges(): boolean;
  /** Saves everything; true when nothing is left unsaved (false: invalid values, a conflict or an error). */
  saveAll(): Promise<boolean>;
}

declare global {
  interface Window {
    acqmetaApp?: AcqmetaAppBridge;
  }
}

/** Installs `window.acqmetaApp` and, in browser mode, the prompt before leaving with unsaved changes. */
export function installAppBridge(store: AppStore): void {
  window.acqmetaApp = {
    hasUnsavedChanges: () => selectHasUnsaved(store.getState()),
    saveAll: () => store.getState().saveAll(),
  };
  window.addEventListener('beforeunload', (event) => {
    // Electron asks through acqmetaApp instead: a beforeunload veto there would silently block closing.
    if (store.getState().session?.door !== 'browser' || !selectHasUnsaved(store.getState())) return;
    event.preventDefault();
    event.returnValue = '';
  });
}
