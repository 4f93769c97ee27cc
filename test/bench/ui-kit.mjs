// Pieces of the UI benchmark: the corpora, browser mode started on a folder, Chromium driven
// with playwright-core, and what the page measures about itself (Performance API).
/* global window, document, requestAnimationFrame, MutationObserver, KeyboardEvent, MouseEvent -- code run in the page */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';
import { python, root } from './bench-kit.mjs';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--enable-precise-memory-info',
];

/** Where the UI corpora live (gitignored; apart from the header corpus, which is scanned whole). */
const UI_CORPUS = path.join(root, 'bench-corpus-ui');

/**
 * A nested folder of `images` TIFFs, half with sidecars (`bench-corpus-ui/<name>`), written
 * once: small copies of four templates, or with `mixed` a lab's folder of six kinds from a
 * single page to 1,000-page stacks, hard-linked (see make-ui-corpus.py).
 */
export function ensureUiCorpus(name, images, mixed = false) {
  const folder = path.join(UI_CORPUS, name);
  const marker = path.join(folder, `.complete-${mixed ? 'mixed-v1-' : ''}${images}`);
  if (existsSync(marker)) return folder;
  rmSync(folder, { recursive: true, force: true });
  console.log(`writing ${images.toLocaleString('en-US')} ${mixed ? 'mixed ' : ''}images into ${folder} ...`);
  execFileSync(
    python,
    [path.join(root, 'test/bench/make-ui-corpus.py'), ...(mixed ? ['--mixed'] : []), folder, String(images)],
    { stdio: 'inherit' },
  );
  writeFileSync(marker, '');
  return folder;
}

/**
 * Makes `folder` cold, as a folder not opened for a while is (its files' pages gone from
 * memory; this machine's DAMON drops pages unused for a minute, so a corpus last read a few
 * minutes before is cold and one read seconds before is warm). As root the kernel drops its
 * whole page cache, file metadata included; otherwise each file of `folder` is evicted with
 * posix_fadvise. Returns how it was done.
 */
export function evictFromPageCache(folder) {
  execFileSync('sync');
  try {
    writeFileSync('/proc/sys/vm/drop_caches', '3');
    return 'the page cache and file metadata dropped (drop_caches)';
  } catch {
    execFileSync(python, [path.join(root, 'test/bench/evict-page-cache.py'), folder], { stdio: 'ignore' });
    return "the folder's files evicted from the page cache (posix_fadvise)";
  }
}

/** A fresh, empty scan-cache folder (the first open of a folder reads everything). */
export function freshCacheDir() {
  return mkdtempSync(path.join(os.tmpdir(), 'acqmeta-bench-cache-'));
}

/** Browser mode on `folder` with `env` added (the build under `buildRoot`); resolves once it prints its URL. */
export async function startServe(folder, env, buildRoot = root) {
  const server = spawn(process.execPath, [path.join(buildRoot, 'dist/electron/serve.cjs'), '--root', folder], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const lines = createInterface({ input: server.stdout });
  const url = await new Promise((resolve, reject) => {
    lines.on('line', (line) => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(line);
      if (match) resolve(match[1]);
    });
    server.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  // `serve` runs the server in a session of its own where the kernel shares the CPU by session
  const pids = [server.pid, ...childPids(server.pid)];
  return {
    url,
    /** Peak resident memory of the server's processes (launcher and server, worker threads included), MB. */
    peakRssMb: () => pids.reduce((sum, pid) => sum + procStatusMb(pid, 'VmHWM'), 0),
    /** CPU seconds the server's processes have used (worker threads included). */
    cpuSeconds: () => pids.reduce((sum, pid) => sum + processCpuSeconds(pid), 0),
    stop: () =>
      new Promise((resolve) => {
        server.once('exit', resolve);
        server.kill('SIGTERM');
      }),
  };
}

/** The processes `pid` started (Linux). */
function childPids(pid) {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
}

/** User + system CPU seconds of a process, threads included, from /proc/<pid>/stat (Linux). */
function processCpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
}

/** CPU seconds used by the browser's renderer processes (the page's own work). */
export async function rendererCpuSeconds(browser) {
  const session = await browser.newBrowserCDPSession();
  const { processInfo } = await session.send('SystemInfo.getProcessInfo');
  await session.detach();
  return processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime, 0);
}

/** A field of /proc/<pid>/status in MB (Linux). */
function procStatusMb(pid, field) {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/**
 * Installed before the app's own scripts: records long tasks, when the first row and every row
 * were shown, and defines the actions a person takes, dispatched the way React hears them.
 */
function instrument() {
  const bench = { longTasks: [], firstRowAt: null, readyAt: null };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    if (bench.firstRowAt === null && document.querySelector('.table-body [role="row"]')) {
      bench.firstRowAt = performance.now();
      performance.mark('bench-first-row');
      console.debug('bench:first-row');
    }
    if (
      bench.readyAt === null &&
      document.documentElement.dataset.appState === 'ready' &&
      document.querySelector('.table-body')
    ) {
      bench.readyAt = performance.now();
      performance.mark('bench-all-rows');
      console.debug('bench:all-rows');
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-app-state'],
  });
  const setValue = (input, text) => {
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value').set.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  window.__benchActions = {
    filter: (text) => setValue(document.querySelector('input[aria-label="Filter images"]'), text),
    selectAll: () => {
      const grid = document.querySelector('[role="grid"]');
      grid.focus();
      grid.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', ctrlKey: true, bubbles: true }));
    },
    clickRow: (index) => {
      const rows = document.querySelectorAll('.table-body [role="row"]');
      rows[index].dispatchEvent(new MouseEvent('click', { bubbles: true }));
    },
    typeField: ([name, text]) => setValue(document.getElementById(`field-${name}`), text),
    scroll: (pixels) => {
      document.querySelector('[role="grid"]').scrollTop += pixels;
    },
    cancelScan: () => document.querySelector('.scan-status button')?.click(),
  };
}

/** Debian's Chromium, headless. */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * A new page of `browser`, instrumented, once Chromium has finished opening its window (see
 * {@link browserSettled}); navigate it with {@link openApp}.
 */
export async function newAppPage(browser) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(instrument);
  followMilestones(page);
  await browserSettled(browser);
  return page;
}

/**
 * Opens the app at `url` in `page` (default: a {@link newAppPage} of `browser`); with `trace`, a
 * Chromium trace runs until {@link stopTrace}.
 */
export async function openApp(browser, url, trace = false, page = null) {
  const opened = page ?? (await newAppPage(browser));
  if (trace) await browser.startTracing(opened, { categories: ['blink.user_timing', 'toplevel'] });
  await opened.goto(url);
  return opened;
}

/**
 * Waits (up to 5 s) until Chromium's own processes have gone quiet. Each new page opens a new
 * browser window, whose browser-interface renderer (`--top-chrome-webui`) starts up over the
 * next second, using about 0.8 CPU-seconds here: navigating before then would time the app
 * while it shares the two cores with Chromium opening a window, which the app does not cause
 * and which is over before a person types an address into an open window.
 */
async function browserSettled(browser) {
  const session = await browser.newBrowserCDPSession();
  const cpuSeconds = async () =>
    (await session.send('SystemInfo.getProcessInfo')).processInfo.reduce((sum, p) => sum + p.cpuTime, 0);
  let before = await cpuSeconds();
  for (const deadline = Date.now() + 5000; Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await cpuSeconds();
    if (now - before < 0.02) break; // under 8% of one core
    before = now;
  }
  await session.detach();
}

/**
 * Stops the trace of {@link openApp} and returns the longest task of the page's main thread
 * between the first row and the last (`bench-first-row`, `bench-all-rows` marks) by the CPU
 * time it used (its thread time): what the task cost, whatever else the machine was doing.
 */
export async function stopTrace(browser) {
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString('utf8'));
  const mark = (name) => traceEvents.find((e) => e.name === name)?.ts;
  const [from, to] = [mark('bench-first-row'), mark('bench-all-rows')];
  const thread = traceEvents.find((e) => e.name === 'bench-first-row');
  const tasks = traceEvents.filter(
    (e) =>
      e.ph === 'X' &&
      e.name === 'ThreadControllerImpl::RunTask' &&
      e.pid === thread?.pid &&
      e.tid === thread?.tid &&
      e.ts >= from &&
      e.ts <= to,
  );
  return { longestCpu: Math.max(0, ...tasks.map((e) => (e.tdur ?? 0) / 1000)) };
}

/** For each page, a promise per `bench:` message of `instrument`, settled once the page has logged it. */
const milestones = new WeakMap();

/** Starts listening for the `bench:` messages `page` logs. */
function followMilestones(page) {
  const logged = {};
  for (const name of ['first-row', 'all-rows']) {
    logged[name] = new Promise((resolve) => {
      const onMessage = (message) => {
        if (message.text() !== `bench:${name}`) return;
        page.off('console', onMessage);
        resolve();
      };
      page.on('console', onMessage);
    });
  }
  milestones.set(page, logged);
}

/**
 * Resolves once the page has logged `bench:<name>` (or rejects after `timeoutMs`). The page says
 * so itself: polling it with Playwright (waitForFunction) would first evaluate Playwright's
 * injected script on the page's main thread, 20–30 ms while the app loads.
 */
function milestone(page, name, timeoutMs) {
  const late = new Promise((_, reject) => {
    setTimeout(() => reject(new Error(`the page did not log bench:${name} within ${timeoutMs} ms`)), timeoutMs).unref();
  });
  return Promise.race([milestones.get(page)[name], late]);
}

/** Waits until the page has drawn its first row. */
export function firstRowShown(page, timeoutMs = 120_000) {
  return milestone(page, 'first-row', timeoutMs);
}

/** Waits until the page has shown every row (or `timeoutMs`), returns the page's own figures. */
export async function waitForRows(page, timeoutMs = 600_000) {
  await milestone(page, 'all-rows', timeoutMs);
  return page.evaluate(() => window.__bench);
}

/** The longest task and the number over 50 ms, of those that started between `from` and `until` (ms since the page opened). */
export function longTasksBetween(bench, from, until = Number.POSITIVE_INFINITY) {
  const tasks = bench.longTasks.filter(([start]) => start >= from && start <= until);
  return { longest: Math.max(0, ...tasks.map(([, duration]) => duration)), over50: tasks.length };
}

/**
 * Runs the page action `name` (see `instrument`) with `arg` and times it until the next frame
 * has been drawn: what a person waits for. With `browser`, a trace also gives the CPU time of
 * the longest task of the page's main thread meanwhile: `{ ms, cpuMs }`.
 */
export async function timedInPage(page, name, arg, browser = null) {
  if (browser === null) return runTimed(page, name, arg);
  await browser.startTracing(page, { categories: ['toplevel'] });
  const ms = await runTimed(page, name, arg);
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString('utf8'));
  const tasks = traceEvents.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask');
  const perThread = new Map();
  for (const task of tasks)
    perThread.set(
      `${task.pid}:${task.tid}`,
      Math.max(perThread.get(`${task.pid}:${task.tid}`) ?? 0, (task.tdur ?? 0) / 1000),
    );
  return { ms, cpuMs: Math.max(0, ...perThread.values()) };
}

function runTimed(page, name, arg) {
  return page.evaluate(
    async ({ action, value }) => {
      const start = performance.now();
      window.__benchActions[action](value);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return performance.now() - start;
    },
    { action: name, value: arg },
  );
}

/** JS heap in use after a garbage collection, and the renderer process's resident memory now and at its peak, MB. */
export async function pageMemory(page) {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  const browserSession = await page.context().browser().newBrowserCDPSession();
  const { processInfo } = await browserSession.send('SystemInfo.getProcessInfo');
  const renderers = processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  return {
    heapMb: usedSize / 1024 / 1024,
    rendererRssMb: Math.max(...renderers.map((pid) => procStatusMb(pid, 'VmRSS'))),
    rendererPeakMb: Math.max(...renderers.map((pid) => procStatusMb(pid, 'VmHWM'))),
  };
}

/** The status bar's text, its parts joined with ` · ` (the theme switch left out). */
export function statusText(page) {
  return page.evaluate(() =>
    [...(document.querySelector('.status-bar')?.children ?? [])]
      .filter((part) => !part.matches('button'))
      .map((part) => part.textContent.trim())
      .filter((text) => text !== '')
      .join(' · '),
  );
}
