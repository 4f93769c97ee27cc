/**
 * End-to-end tests: the real renderer driven in Debian's Chromium against browser mode
 * (`serve`), and the same specs against Electron where its binary exists.
 */
import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import { electronBinary } from './support/electron-binary';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const electron = electronBinary();
if (!electron) {
  console.log('Electron binary not installed on this machine: the "electron" project is not run.');
}

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/e2e',
  globalSetup: './support/global-setup.ts',
  fullyParallel: true,
  // One worker per core: on two cores the whole suite took 797–853 s with two workers and
  // 883–970 s with three, run back to back (docs/testing.md); a third worker's Chromium and
  // server only fight the other two for the cores.
  workers: availableParallelism(),
  retries: 0,
  // Bounds that only catch a hang (every wait is on what the page shows): generous for a machine that
  // several runs share, where a test of many axe scans takes several times as long as alone.
  timeout: 300_000,
  expect: { timeout: 30_000 },
  reporter: [['list'], ['json', { outputFile: '../../test-results/e2e.json' }]],
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1440, height: 900 },
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
      },
    },
    ...(electron
      ? [{ name: 'electron', metadata: { electron }, testIgnore: ['**/screens.spec.ts', '**/accessibility.spec.ts'] }]
      : []),
  ],
});
