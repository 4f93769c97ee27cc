/** Renderer entry: creates the client and the store, wires backend events, renders the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './client/create-client';
import { installLeavePrompt } from './leave-prompt';
import { App } from './app';
import { createAppStore } from './app-store';
import { connectBackendEvents } from './backend-events';
import { prepareWhenIdle, StoreProvider, syncMenuState } from './store';
import type { PrefsStorage } from './view-prefs';
import './styles/theme.css';
import './styles/controls.css';
import './styles/popover.css';
import './styles/layout.css';
import './styles/filter.css';
import './styles/table.css';
import './styles/panel.css';
import './styles/image-header.css';
import './styles/damaged.css';
import './styles/fields.css';
import './styles/kit.css';
import './styles/dialogs.css';
import './styles/dialog-lists.css';
import './styles/results.css';
import './styles/results-dialog.css';
import './styles/bulk.css';
import './styles/profile-fields.css';
import './styles/profile.css';
import './styles/completeness.css';
import './styles/channel-table.css';
import './styles/instruments.css';
import './styles/dataset.css';
import './styles/journal.css';
import './styles/submission.css';
import './styles/convert.css';

/** `localStorage`, or null where the browser refuses it (then preferences do not persist). */
function prefsStorage(): PrefsStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const store = createAppStore(createApiClient(), prefsStorage());
connectBackendEvents(store);
syncMenuState(store);
prepareWhenIdle(store);
installLeavePrompt(store);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
void store.getState().loadSession();
