/**
 * The `app` fixture: a fresh temp copy of the e2e folder (plus the `extraFiles` option), opened
 * in the real renderer — served by browser mode to Chromium, or in Electron for the `electron`
 * project — and waited on until the folder listing is complete (`data-app-state="ready"`; the
 * `waitForListing` option turns that off for tests of the scan itself). The `folder` fixture is
 * that copy alone, for a test that serves it its own way and needs no app opened on it.
 */
import { test as base, _electron, type Browser, type LaunchOptions, type Page } from '@playwright/test';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve';

export { startServer };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURE_FOLDER = path.join(ROOT, 'test/fixtures/e2e-folder');

/** What a test gets: the page showing the app and the folder it has open. */
export interface AppFixture {
  page: Page;
  /** Absolute path of this test's private copy of the fixture folder. */
  folder: string;
  /** Absolute path of a file inside `folder`. */
  file(relative: string): string;
  /** This test's private settings folder (recent folders), apart from the user's own. */
  configDir: string;
}

/** Waits until the folder is fully listed, or (`listed` false) until the workspace is shown. */
async function waitForApp(page: Page, listed: boolean): Promise<void> {
  await (listed ? page.locator('html[data-app-state="ready"]') : page.getByRole('grid', { name: 'Images' })).waitFor();
}

/** Options a spec may set with `test.use(...)`. */
export interface AppOptions {
  /** Files (relative path → content) added to the test's copy of the folder before the app opens it. */
  extraFiles: Readonly<Record<string, string | Uint8Array>>;
  /** Environment of the browser-mode server, e.g. `ACQMETA_READ_DELAY_MS` for a slow disk. */
  serverEnv: Readonly<Record<string, string>>;
  /** Whether the test starts once the folder is fully listed (default) or as soon as the page shows the workspace. */
  waitForListing: boolean;
}

/** A test's own copy of the fixture folder and settings folder, before any app opens it. */
export type FolderFixture = Omit<AppFixture, 'page'>;

/** Playwright's `test` with the `app` fixture, and `folder` for a test that opens the copy its own way. */
export const test = base.extend<
  { app: AppFixture; folder: FolderFixture } & AppOptions,
  { sharedBrowser: Browser | null }
>({
  extraFiles: [{}, { option: true }],
  serverEnv: [{}, { option: true }],
  waitForListing: [true, { option: true }],
  // One Chromium per worker, each test in a context of its own (its own storage, cookies and
  // page): launching Chromium for every test cost a second or more of the two cores each time.
  sharedBrowser: [
    async ({ playwright }, use, workerInfo) => {
      if (workerInfo.project.metadata?.electron) return use(null);
      const browser = await playwright.chromium.launch(workerInfo.project.use.launchOptions as LaunchOptions);
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  folder: async ({ extraFiles }, use) => {
    const folder = mkdtempSync(path.join(tmpdir(), 'acqmeta-e2e-'));
    cpSync(FIXTURE_FOLDER, folder, { recursive: true });
    for (const [relative, content] of Object.entries(extraFiles)) {
      mkdirSync(path.dirname(path.join(folder, relative)), { recursive: true });
      writeFileSync(path.join(folder, relative), content, { flag: 'wx' });
    }
    // Each test keeps its settings apart, so parallel tests share no recent list or storage.
    const settings = mkdtempSync(path.join(tmpdir(), 'acqmeta-e2e-settings-'));
    await use({ folder, file: (relative: string) => path.join(folder, relative), configDir: settings });
    rmSync(folder, { recursive: true, force: true });
    rmSync(settings, { recursive: true, force: true });
  },
  app: async ({ sharedBrowser, folder: app, serverEnv, waitForListing }, use, testInfo) => {
    const { folder, configDir: settings } = app;
    // each test's scan cache apart from the others' and from the user's
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'acqmeta-e2e-cache-'));
    const electron = testInfo.project.metadata?.electron as string | undefined;
    if (electron) {
      const electronApp = await _electron.launch({
        executablePath: electron,
        args: [path.join(ROOT, 'dist/electron/main.cjs'), '--open', folder, '--user-data', settings],
        env: { ...process.env, ACQMETA_CACHE_DIR: cacheDir, ...serverEnv } as Record<string, string>,
      });
      const page = await electronApp.firstWindow();
      await waitForApp(page, waitForListing);
      await use({ ...app, page });
      // A test may end with unsaved edits: leave without the Save / Don't Save / Cancel prompt.
      await electronApp.evaluate(({ app: electronMain }) => electronMain.exit(0)).catch(() => undefined);
      await electronApp.close().catch(() => undefined);
    } else {
      // The server starts while Chromium makes the context and its page: neither waits on the other.
      const [started, opened] = await Promise.allSettled([
        startServer(folder, settings, { ACQMETA_CACHE_DIR: cacheDir, ...serverEnv }),
        sharedBrowser!.newContext({ viewport: testInfo.project.use.viewport ?? null }).then(async (context) => ({
          context,
          page: await context.newPage(),
        })),
      ]);
      if (started.status === 'rejected' || opened.status === 'rejected') {
        if (started.status === 'fulfilled') started.value.server.kill('SIGTERM');
        if (opened.status === 'fulfilled') await opened.value.context.close();
        throw started.status === 'rejected' ? started.reason : (opened as PromiseRejectedResult).reason;
      }
      const { url, server } = started.value;
      const { context, page } = opened.value;
      await page.goto(url);
      await waitForApp(page, waitForListing);
      await use({ ...app, page });
      await context.close();
      // Stopped before its folders are removed: a server stopping still writes its scan cache.
      const stopped = new Promise((resolve) =>
        server.exitCode !== null || server.signalCode !== null ? resolve(null) : server.once('exit', resolve),
      );
      server.kill('SIGTERM');
      await stopped;
    }
    rmSync(cacheDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
