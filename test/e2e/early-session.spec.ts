/**
 * Browser mode asks for the session (and so starts the folder's scan) from a small script of
 * its own while the app's JavaScript still loads; the app then takes that event stream and that
 * answer over. A person sees every image listed, and the server is asked once, not twice (a
 * second `getSession` would start the scan again), on a first load and on a reload.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Request } from '@playwright/test';
import { startServer, test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

test('the page asks for the session and its events once, and lists every image', async ({ app }, testInfo) => {
  test.skip(Boolean(testInfo.project.metadata?.electron), 'browser mode only: the desktop app calls over IPC');
  const listed = await new EditorPage(app.page).bodyRows().count();
  expect(listed).toBeGreaterThan(5);

  const cacheDir = mkdtempSync(path.join(tmpdir(), 'acqmeta-e2e-cache-'));
  const { url, server } = await startServer(app.folder, app.configDir, { ACQMETA_CACHE_DIR: cacheDir });
  const context = await app.page.context().browser()!.newContext();
  const page = await context.newPage();
  const asked: string[] = [];
  page.on('request', (request: Request) => {
    const name = /\/api\/(\w+)/.exec(request.url())?.[1];
    if (name === 'getSession' || name === 'events') asked.push(name);
  });
  try {
    for (const load of ['first load', 'reload']) {
      asked.length = 0;
      await (load === 'reload' ? page.reload() : page.goto(url));
      await page.locator('html[data-app-state="ready"]').waitFor();
      await expect(new EditorPage(page).bodyRows(), load).toHaveCount(listed);
      expect(asked.sort(), load).toEqual(['events', 'getSession']);
    }
  } finally {
    await context.close();
    server.kill('SIGTERM');
    rmSync(cacheDir, { recursive: true, force: true });
  }
});
