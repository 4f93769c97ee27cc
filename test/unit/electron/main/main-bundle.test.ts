/**
 * Starts the real bundled main process (electron/main/main.ts built as build.mjs builds it) with
 * a recording stand-in for `electron`, because Electron itself cannot launch here: checks that
 * the hardening happens before `ready`, the one window is isolated and finds its preload, the
 * `app://` protocol serves the page with its CSP, and IPC reaches the backend with `--open`.
 */
import { build, type Plugin } from 'esbuild';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, SessionInfo } from '../../../../shared/api';
import { createFakeElectron, type FakeElectron } from './fake-electron';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const GLOBAL = '__acqmetaFakeElectron';
const APP_FRAME = { url: 'app://acqmeta/index.html', parent: null };

/** Resolves `electron` to the fake put on globalThis. */
const fakeElectron: Plugin = {
  name: 'fake-electron',
  setup(b) {
    b.onResolve({ filter: /^electron$/ }, () => ({ path: 'electron', namespace: 'fake-electron' }));
    b.onLoad({ filter: /.*/, namespace: 'fake-electron' }, () => ({
      contents: `module.exports = globalThis.${GLOBAL};`,
      loader: 'js',
    }));
  },
};

let tmp = '';
let folder = '';
let userData = '';
let fake: FakeElectron;

async function buildLikeDist(entry: string, outfile: string, plugins: Plugin[]): Promise<void> {
  await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
    ...(plugins.length === 0 ? { external: ['electron'] } : { plugins }),
  });
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'acqmeta-main-'));
  folder = path.join(tmp, 'lab');
  userData = path.join(tmp, 'settings');
  mkdirSync(folder);
  mkdirSync(path.join(tmp, 'dist/renderer'), { recursive: true });
  writeFileSync(path.join(tmp, 'dist/renderer/index.html'), '<!doctype html><title>AcqMeta</title>');
  cpSync(path.join(ROOT, 'build/sample-folder'), path.join(tmp, 'build/sample-folder'), { recursive: true });
  const main = path.join(tmp, 'dist/electron/main.cjs');
  await buildLikeDist('electron/main/main.ts', main, [fakeElectron]);
  await buildLikeDist('electron/main/preload.ts', path.join(tmp, 'dist/electron/preload.cjs'), []);

  fake = createFakeElectron(path.join(tmp, 'appData'));
  (globalThis as Record<string, unknown>)[GLOBAL] = fake.module;
  const argv = process.argv;
  process.argv = [process.execPath, main, '--open', folder, '--user-data', userData];
  try {
    createRequire(import.meta.url)(main);
    fake.ready();
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.argv = argv;
  }
});

afterAll(async () => {
  const willQuit = fake.appListeners.get('will-quit');
  await new Promise<void>((resolve) => {
    const quit = (fake.module.app as { quit: () => void }).quit;
    (fake.module.app as { quit: () => void }).quit = () => {
      quit();
      resolve();
    };
    willQuit?.({ preventDefault: () => {} });
  });
  delete (globalThis as Record<string, unknown>)[GLOBAL];
  rmSync(tmp, { recursive: true, force: true });
});

async function call(method: string, request: unknown): Promise<ApiResult<unknown>> {
  const handler = fake.ipcHandlers.get('acqmeta:call');
  return (await handler?.({ senderFrame: APP_FRAME }, method, request)) as ApiResult<unknown>;
}

describe('the bundled main process', () => {
  it('enables the sandbox and registers app:// as a privileged scheme before ready', () => {
    expect(fake.events.indexOf('enableSandbox')).toBeLessThan(fake.events.indexOf('ready'));
    expect(fake.events.indexOf('registerSchemesAsPrivileged')).toBeLessThan(fake.events.indexOf('ready'));
    expect(fake.schemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
  });

  it('keeps its settings in the --user-data folder', () => {
    expect(fake.paths.get('userData')).toBe(userData);
  });

  it('opens one isolated, sandboxed window without Node, with the built preload, on the app page', () => {
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0]!;
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    const preload = window.options.webPreferences.preload as string;
    expect(preload).toBe(path.join(tmp, 'dist/electron/preload.cjs'));
    expect(existsSync(preload)).toBe(true);
    expect(window.loaded).toEqual(['app://acqmeta/index.html']);
    expect(window.listeners.has('close')).toBe(true);
    expect(fake.menus).toHaveLength(1);
  });

  it('serves the renderer on app:// with a CSP without unsafe-eval, and nothing outside it', async () => {
    const serve = fake.protocolHandlers.get('app')!;
    const page = (await serve({ url: 'app://acqmeta/index.html' })) as Response;
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>AcqMeta</title>');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    for (const url of [
      'app://acqmeta/%2e%2e/%2e%2e/build/sample-folder/SOURCES.md',
      'app://elsewhere/index.html',
      'app://acqmeta/missing.js',
    ]) {
      expect(((await serve({ url })) as Response).status).toBe(404);
    }
  });

  it('denies navigation away and new windows on every web contents, sending https links to the browser', () => {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    let openHandler: (details: { url: string }) => unknown = () => null;
    const contents = {
      on: (name: string, listener: (...args: unknown[]) => void) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: typeof openHandler) => {
        openHandler = handler;
      },
    };
    fake.appListeners.get('web-contents-created')?.({}, contents);
    const navigate = (url: string) => {
      let prevented = false;
      listeners.get('will-navigate')?.({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('app://acqmeta/index.html')).toBe(false);
    expect(openHandler({ url: 'https://example.org/docs' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.openedExternally).toEqual(['https://example.org/docs']);
  });

  it('answers the window over IPC with the --open folder and its sample, and opens no other folder by path', async () => {
    const session = await call('getSession', {});
    expect(session.ok && (session.payload as SessionInfo)).toMatchObject({
      door: 'electron',
      folder: { root: folder, name: 'lab' },
      sampleFolder: path.join(userData, 'Sample Folder'),
    });
    expect(existsSync(path.join(userData, 'Sample Folder', 'stacks'))).toBe(true);
    expect(existsSync(path.join(userData, 'recent-folders.json'))).toBe(true);
    expect(await call('openFolder', { path: tmp })).toMatchObject({ ok: false, error: { code: 'OUTSIDE_FOLDER' } });
    expect(await call('openFolder', { path: path.join(userData, 'Sample Folder') })).toMatchObject({ ok: true });
    expect(await call('openFolder', { path: folder })).toMatchObject({ ok: true, payload: { root: folder } });
  });

  it('shows in its Edit menu what Undo would do, as the window says', () => {
    const menus = fake.menus.length;
    fake.ipcListeners.get('acqmeta:menu-state')?.(
      { senderFrame: APP_FRAME },
      { undo: 'Undo Genotype on 40 images', redo: null },
    );
    expect(fake.menus).toHaveLength(menus + 1);
    const labels = JSON.stringify(fake.menus.at(-1));
    expect(labels).toContain('"label":"Undo Genotype on 40 images"');
    expect(labels).toContain('"label":"Redo"');
  });
});
