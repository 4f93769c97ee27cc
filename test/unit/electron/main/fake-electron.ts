/**
 * A stand-in for the `electron` module, recording what the bundled main process asks of it, so
 * the real dist bundle can be started under Node (where Electron cannot launch).
 */

type Listener = (...args: unknown[]) => unknown;

/** One `new BrowserWindow(options)`. */
export interface FakeWindow {
  options: { webPreferences: Record<string, unknown> } & Record<string, unknown>;
  loaded: string[];
  listeners: Map<string, Listener>;
}

/** What the fake records; `events` is the order in which things happened. */
export interface FakeElectron {
  module: Record<string, unknown>;
  events: string[];
  paths: Map<string, string>;
  appListeners: Map<string, Listener>;
  schemes: unknown[];
  protocolHandlers: Map<string, Listener>;
  ipcHandlers: Map<string, Listener>;
  ipcListeners: Map<string, Listener>;
  windows: FakeWindow[];
  menus: unknown[];
  openedExternally: string[];
  /** Resolves `app.whenReady()`. */
  ready(): void;
}

/** Creates the fake; `appData` is where `app.getPath('appData')` points. */
export function createFakeElectron(appData: string): FakeElectron {
  let ready = () => {};
  const whenReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const fake: Omit<FakeElectron, 'module' | 'ready'> = {
    events: [],
    paths: new Map([['appData', appData]]),
    appListeners: new Map(),
    schemes: [],
    protocolHandlers: new Map(),
    ipcHandlers: new Map(),
    ipcListeners: new Map(),
    windows: [],
    menus: [],
    openedExternally: [],
  };
  class BrowserWindow {
    readonly record: FakeWindow;
    readonly webContents = {
      send: () => {},
      isDestroyed: () => false,
      reload: () => {},
    };
    constructor(options: FakeWindow['options']) {
      this.record = { options, loaded: [], listeners: new Map() };
      fake.windows.push(this.record);
      fake.events.push('window');
    }
    on(name: string, listener: Listener) {
      this.record.listeners.set(name, listener);
      return this;
    }
    once(name: string, listener: Listener) {
      return this.on(name, listener);
    }
    async loadURL(url: string) {
      this.record.loaded.push(url);
    }
    maximize() {}
    show() {}
    close() {}
    isMaximized() {
      return false;
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1280, height: 800 };
    }
  }
  const module = {
    app: {
      isPackaged: false,
      setName: () => {},
      getVersion: () => '0.0.0-test',
      getPath: (name: string) => fake.paths.get(name) ?? `/nonexistent/${name}`,
      setPath: (name: string, value: string) => fake.paths.set(name, value),
      enableSandbox: () => fake.events.push('enableSandbox'),
      whenReady: () => whenReady,
      on: (name: string, listener: Listener) => fake.appListeners.set(name, listener),
      setAboutPanelOptions: () => {},
      quit: () => fake.events.push('quit'),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        fake.schemes.push(...schemes);
        fake.events.push('registerSchemesAsPrivileged');
      },
      handle: (scheme: string, handler: Listener) => fake.protocolHandlers.set(scheme, handler),
    },
    ipcMain: {
      handle: (channel: string, handler: Listener) => fake.ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => fake.ipcHandlers.delete(channel),
      on: (channel: string, listener: Listener) => fake.ipcListeners.set(channel, listener),
      removeListener: (channel: string) => fake.ipcListeners.delete(channel),
    },
    BrowserWindow,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: { defaultSession: { setPermissionRequestHandler: () => {}, setPermissionCheckHandler: () => {} } },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => fake.menus.push(menu),
    },
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showMessageBox: async () => ({ response: 2 }),
    },
    shell: { openExternal: async (url: string) => void fake.openedExternally.push(url) },
  };
  return {
    ...fake,
    module,
    ready: () => {
      fake.events.push('ready');
      ready();
    },
  };
}
