/**
 * The main window: hardened web preferences, restored bounds, and a prompt before unsaved
 * edits are lost on close.
 */
import { BrowserWindow, screen } from 'electron';
import path from 'node:path';
import { confirmLeave } from './leave-prompt';
import { APP_START_URL } from './security/app-origin';
import { loadWindowState, MIN_SIZE, placeWindow, saveWindowState } from './window-state';

/** Where the window finds its preload and remembers its bounds. */
export interface MainWindowOptions {
  preload: string;
  /** JSON file for the window's size and position. */
  stateFile: string;
  icon?: string;
  /** Called when the user answered Cancel to the unsaved-changes prompt on close. */
  onCloseCancelled?: () => void;
}

/** Creates and shows the main window with the app page loaded. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const placement = placeWindow(
    loadWindowState(options.stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    ...(placement.x === undefined ? {} : { x: placement.x, y: placement.y }),
    width: placement.width,
    height: placement.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'AcqMeta',
    show: false,
    ...(options.icon === undefined ? {} : { icon: options.icon }),
    webPreferences: {
      preload: path.resolve(options.preload),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  if (placement.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  let mayClose = false;
  let asking = false;
  window.on('close', (event) => {
    rememberBounds(window, options.stateFile);
    if (mayClose) return;
    event.preventDefault();
    if (asking) return;
    asking = true;
    void confirmLeave(window, 'closing').then((ok) => {
      asking = false;
      if (!ok) {
        options.onCloseCancelled?.();
        return;
      }
      mayClose = true;
      window.close();
    });
  });
  void window.loadURL(APP_START_URL);
  return window;
}

/** Saves the window's bounds; a failed write only costs the next start its placement. */
function rememberBounds(window: BrowserWindow, stateFile: string): void {
  try {
    saveWindowState(stateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() });
  } catch {
    // The next start opens with the default size instead.
  }
}
