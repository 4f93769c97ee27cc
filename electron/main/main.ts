/**
 * The Electron entry point: hardening, the `app://` protocol, the backend, the menu and the
 * one window. Everything here is glue; decisions live in small tested modules.
 */
import '../services/process-tuning'; // first: before anything runs
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import path from 'node:path';
import type { MenuCommand, MenuState } from '../../shared/api';
import { createBackend } from '../services/backend';
import { watchSetting } from '../services/watch';
import { createRecentFolders } from '../services/folder';
import { defaultCacheDir } from '../services/scan-cache';
import { buildMenuTemplate } from './app-menu';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { folderToOpen, userDataDir } from './command-line';
import { connectBackend, listenForMenuState } from './ipc-bridge';
import { EVENT_CHANNEL } from './ipc-channels';
import { confirmLeave } from './leave-prompt';
import { createMainWindow } from './main-window';
import { nativeFolders } from './native-folders';
import { bundledSampleFolder, prepareSampleFolder } from './sample-folder';
import { vetOpenFolder } from './security/folder-guard';
import { denyPermissions, installWebContentsGuards } from './web-contents-guards';

/** dist/electron when bundled; the project root is two levels up. */
const PROJECT_ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(__dirname, '..');

app.setName('AcqMeta');
// The same settings folder in development and when packaged (the default follows package.json),
// unless --user-data names another (tests run several windows side by side).
const userDataOption = userDataDir(process.argv);
app.setPath(
  'userData',
  userDataOption === null ? path.join(app.getPath('appData'), 'AcqMeta') : path.resolve(userDataOption),
);
app.enableSandbox();
registerAppScheme();
installWebContentsGuards();

let mainWindow: BrowserWindow | null = null;
let quitting = false;

void app.whenReady().then(start);

function start(): void {
  serveRenderer(path.join(DIST, 'renderer'));
  denyPermissions(session.defaultSession);
  const userData = app.getPath('userData');
  const recent = createRecentFolders(userData);
  const sampleFolder = prepareSampleFolder(
    bundledSampleFolder(app.isPackaged, process.resourcesPath, PROJECT_ROOT),
    userData,
  );
  const openOption = folderToOpen(process.argv);
  const backend = createBackend({
    door: 'electron',
    initialFolder: openOption === null ? null : path.resolve(openOption),
    ...nativeFolders(() => mainWindow),
    sampleFolder,
    recent,
    configDir: userData,
    cacheDir: defaultCacheDir(),
    watch: watchSetting(process.env.ACQMETA_WATCH),
  });

  let undoState: MenuState = { undo: null, redo: null };
  const refreshMenu = () => {
    const template = buildMenuTemplate(
      {
        platform: process.platform,
        isDev: !app.isPackaged,
        recent: recent.list(),
        hasSample: sampleFolder !== null,
        undoState,
      },
      {
        send: sendMenuCommand,
        openRecent: (folder) => void switchFolder(folder),
        openSample: () => {
          if (sampleFolder !== null) void switchFolder(sampleFolder);
        },
      },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };

  /** Opens another folder from the menu: asks about unsaved edits, then reloads the page. */
  async function switchFolder(folder: string): Promise<void> {
    const window = mainWindow ?? openWindow();
    if (!(await confirmLeave(window, 'opening another folder'))) return;
    const result = await backend.call('openFolder', { path: folder });
    if (!result.ok) {
      await dialog.showMessageBox(window, {
        type: 'error',
        message: 'The folder could not be opened.',
        detail: result.error.message,
      });
      return;
    }
    refreshMenu();
    window.webContents.reload();
  }

  connectBackend(
    backend,
    () => mainWindow?.webContents ?? null,
    (method, result) => {
      if (method === 'openFolder' && result.ok) refreshMenu();
    },
    (method, request) =>
      method === 'openFolder'
        ? vetOpenFolder(request, [...recent.list(), ...(sampleFolder === null ? [] : [sampleFolder])])
        : null,
  );
  listenForMenuState((state) => {
    undoState = state;
    refreshMenu();
  });
  refreshMenu();
  app.setAboutPanelOptions({ applicationName: 'AcqMeta', applicationVersion: app.getVersion() });
  openWindow();

  app.on('activate', () => {
    if (mainWindow === null) openWindow();
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let backendClosed = false;
  app.on('will-quit', (event) => {
    if (backendClosed) return;
    event.preventDefault();
    void backend.close().finally(() => {
      backendClosed = true;
      app.quit();
    });
  });
}

function openWindow(): BrowserWindow {
  const window = createMainWindow({
    preload: path.join(__dirname, 'preload.cjs'),
    stateFile: path.join(app.getPath('userData'), 'window-state.json'),
    ...(app.isPackaged ? {} : { icon: path.join(PROJECT_ROOT, 'build', 'icons', '512x512.png') }),
    // A quit that the user cancelled in the unsaved-changes prompt is no longer under way.
    onCloseCancelled: () => {
      quitting = false;
    },
  });
  mainWindow = window;
  window.on('closed', () => {
    mainWindow = null;
    if (quitting) app.quit();
  });
  return window;
}

function sendMenuCommand(command: MenuCommand): void {
  const window = mainWindow ?? openWindow();
  window.webContents.send(EVENT_CHANNEL, { type: 'menu', command });
}
