/**
 * The application menu as a template, built without touching Electron so it can be tested.
 *
 * Commands the UI carries out (open, save, find, ...) are sent to the renderer as
 * `{ type: 'menu', command }` events; editing, zoom and window items use Electron's roles.
 * Reload and developer tools appear only in development builds.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, MenuState } from '../../shared/api';

/** What the menu's own items do. */
export interface MenuActions {
  /** Forwards a command to the renderer. */
  send(command: MenuCommand): void;
  /** Opens a recently used folder. */
  openRecent(folder: string): void;
  /** Opens the bundled sample folder. */
  openSample(): void;
}

/** What the menu depends on. */
export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Development build: adds reload and developer tools. */
  isDev: boolean;
  /** Recently opened folders, newest first. */
  recent: readonly string[];
  /** Whether the sample folder is bundled. */
  hasSample: boolean;
  /** What Undo and Redo would do in the window. */
  undoState: MenuState;
}

/** Builds the menu template for `Menu.buildFromTemplate`. */
export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator === undefined ? {} : { accelerator }),
    click: () => actions.send(cmd),
  });
  // The window handles these keys itself (a text field keeps its own undo), so the menu only shows them.
  const shownKey = (item: MenuItemConstructorOptions): MenuItemConstructorOptions => ({
    ...item,
    registerAccelerator: false,
  });
  const recentItems: MenuItemConstructorOptions[] =
    options.recent.length === 0
      ? [{ label: 'No Recent Folders', enabled: false }]
      : options.recent.map((folder) => ({ label: folder, click: () => actions.openRecent(folder) }));
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const sampleItems: MenuItemConstructorOptions[] = options.hasSample
    ? [{ label: 'Open Sample Folder', click: () => actions.openSample() }]
    : [];

  return [
    ...(mac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        command('Open Folder…', 'open-folder', 'CmdOrCtrl+O'),
        { label: 'Open Recent', submenu: recentItems },
        sep,
        command('Save', 'save', 'CmdOrCtrl+S'),
        sep,
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        shownKey(command(options.undoState.undo ?? 'Undo', 'undo', 'CmdOrCtrl+Z')),
        shownKey(command(options.undoState.redo ?? 'Redo', 'redo', 'Shift+CmdOrCtrl+Z')),
        sep,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'delete' },
        { role: 'selectAll' },
        sep,
        shownKey(command('Copy Metadata', 'copy-metadata', 'Shift+CmdOrCtrl+C')),
        shownKey(command('Paste Metadata…', 'paste-metadata', 'Shift+CmdOrCtrl+V')),
        sep,
        command('Revert Field', 'revert-field'),
      ],
    },
    {
      label: '&View',
      submenu: [
        command('Find…', 'find', 'CmdOrCtrl+F'),
        command('Toggle Theme', 'toggle-theme'),
        sep,
        ...(options.isDev
          ? ([
              { role: 'reload' },
              { role: 'forceReload' },
              { role: 'toggleDevTools' },
              sep,
            ] as MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        sep,
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        command('Keyboard Shortcuts', 'show-shortcuts', 'CmdOrCtrl+/'),
        ...sampleItems,
        ...(mac ? [] : [{ role: 'about', label: 'About AcqMeta' } as MenuItemConstructorOptions]),
      ],
    },
  ];
}
