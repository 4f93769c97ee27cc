/**
 * The browser's prompt before leaving the page with unsaved changes (browser mode; Electron
 * asks through the typed contract instead, see backend-events).
 */
import { type AppStore, selectHasUnsaved } from './store';

/** In browser mode, has the browser ask before the page is left with unsaved changes. */
export function installLeavePrompt(store: AppStore): void {
  window.addEventListener('beforeunload', (event) => {
    // Electron asks through the main process instead: a beforeunload veto there would silently block closing.
    if (store.getState().session?.door !== 'browser' || !selectHasUnsaved(store.getState())) return;
    event.preventDefault();
    event.returnValue = '';
  });
}
