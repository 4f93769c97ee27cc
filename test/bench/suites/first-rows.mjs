// The first rows of a lab folder, measured the way a person meets them (issue 51): a folder of
// 10,000 hard links to 4,320 files written with tifffile (make-lab-corpus.py), already in the
// page cache; each open starts `serve --root` fresh with an empty scan cache and navigates
// Chromium as soon as the URL is printed; the page times itself from navigation start, the
// server notes when it answered `getSession` and sent the first rows (serve-timing.cjs), and the
// command line's `scan --json --no-cache` of the same folder is timed in turns with the opens.
// With `--against <rev>` each round opens the folder with both builds (this tree's and the
// base's, their order swapped every round) and each figure is also a ratio to the base's per round.
/* global window, document, requestAnimationFrame, MutationObserver -- code run in the page */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { builds } from '../against.mjs';
import { countTiffs, markdownTable, median, root } from '../bench-kit.mjs';
import { againstFigures, breakdownOf, figuresOf, mark, ms, s, withRuns } from '../first-rows-figures.mjs';
import { ensureLabFolder, sourcesAgainstTifffile } from '../lab-corpus.mjs';
import {
  freshCacheDir,
  launchBrowser,
  longTasksBetween,
  newAppPage,
  pageMemory,
  startServe,
  statusText,
  timedInPage,
  waitForRows,
} from '../ui-kit.mjs';

const HOOK = path.join(root, 'test/bench/serve-timing.cjs');

/** The sizes measured: 10,000 always, 100,000 with `BENCH_FIRST_ROWS=100k` (or `10k,100k`). */
const CASES = [
  { name: '10k', images: 10_000, opens: 5, targets: { first: 300, timesScan: 1.3, editor: 300 } },
  { name: '100k', images: 100_000, opens: 3, targets: { first: 800, memoryMb: 1024, filter: true } },
];

/** Installed before the app's scripts (after ui-kit's): when the first `scan-rows` event reached the page. */
function eventTimes() {
  const Native = window.EventSource;
  window.EventSource = class extends Native {
    constructor(...args) {
      super(...args);
      const first = (event) => {
        if (!String(event.data).startsWith('{"type":"scan-rows"')) return;
        window.__bench.firstRowsEventAt = performance.now();
        this.removeEventListener('message', first);
      };
      this.addEventListener('message', first);
    }
  };
}

/**
 * The page's navigation and resource timings, on its own clock (ms from navigation start); the
 * JavaScript counted is what had arrived when the first row was drawn (`firstRow`).
 */
function pageTimings(firstRow) {
  const resources = performance.getEntriesByType('resource');
  const scripts = resources.filter(
    (r) => (r.initiatorType === 'script' || /\.m?js(\?|$)/.test(r.name)) && r.responseEnd <= firstRow,
  );
  const session = resources.find((r) => r.name.includes('/api/getSession'));
  const navigation = performance.getEntriesByType('navigation')[0];
  return {
    origin: performance.timeOrigin,
    documentAsked: navigation.requestStart,
    documentDone: navigation.responseEnd,
    domContentLoaded: navigation.domContentLoadedEventStart,
    scriptKb: scripts.reduce((sum, r) => sum + r.encodedBodySize, 0) / 1024,
    scriptAsked: Math.min(...scripts.map((r) => r.requestStart)),
    scriptDone: Math.max(...scripts.map((r) => r.responseEnd)),
    sessionAnswered: session?.responseEnd ?? Number.NaN,
  };
}

/**
 * Ctrl+A on the table, timed from the keypress to the next drawn frame (the selection drawn) and
 * to the frame after the editor's title says `Editing <count> images`: what a person waits for
 * before typing a value for all of them. NaN when the editor does not say so within 60 s.
 */
function selectAllUntilEditor(page, count) {
  return page.evaluate(
    async (title) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const says = () => document.querySelector('.panel-title')?.textContent === title;
      const start = performance.now();
      window.__benchActions.selectAll();
      const shown = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (!says()) return;
          observer.disconnect();
          resolve(true);
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        setTimeout(() => {
          observer.disconnect();
          resolve(false);
        }, 60_000);
      });
      await frame();
      const drawn = performance.now() - start;
      const ok = says() || (await shown);
      await frame();
      return { drawn, editor: ok ? performance.now() - start : Number.NaN };
    },
    `Editing ${count.toLocaleString('en-US')} images`,
  );
}

/** What serve-timing.cjs noted in `file`: name → wall-clock ms (the server process's, not its launcher's). */
function serverNotes(file) {
  const notes = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  const server = notes.find((n) => n.name === 'getSession-answered')?.pid;
  return Object.fromEntries(notes.filter((n) => n.pid === server).map((n) => [n.name, n.at]));
}

/**
 * One open of `folder` as a person makes it, by `build` (see against.mjs): a page ready in
 * Chromium, `serve --root` started with an empty scan cache, the page navigated as soon as the
 * URL is printed. With `big`, a filter and the memory too.
 */
async function openOnce(browser, folder, images, big, build) {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'acqmeta-bench-first-rows-'));
  const cacheDir = freshCacheDir();
  const log = path.join(scratch, 'serve.jsonl');
  const page = await newAppPage(browser);
  await page.addInitScript(eventTimes);
  const server = await startServe(
    folder,
    {
      ACQMETA_CACHE_DIR: cacheDir,
      BENCH_SERVE_LOG: log,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${HOOK}`.trim(),
    },
    build.root,
  );
  try {
    await page.goto(server.url);
    const bench = await waitForRows(page);
    const timings = await page.evaluate(pageTimings, bench.firstRowAt);
    const fromNavigation = (at) => at - timings.origin;
    const notes = serverNotes(log);
    const filter = big ? await timedInPage(page, 'filter', 'zebrafish', browser) : null;
    const filtered = big ? await statusText(page) : '';
    if (big) await timedInPage(page, 'filter', '');
    const selectAll = await selectAllUntilEditor(page, images);
    const memory = big ? await pageMemory(page) : null;
    return {
      serverStartToNavigation: timings.origin - notes['process-start'],
      documentAsked: timings.documentAsked,
      documentDone: timings.documentDone,
      domContentLoaded: timings.domContentLoaded,
      scriptKb: timings.scriptKb,
      scriptAsked: timings.scriptAsked,
      scriptDone: timings.scriptDone,
      sessionSent: fromNavigation(notes['getSession-answered']),
      sessionAnswered: timings.sessionAnswered,
      rowsSent: fromNavigation(notes['first-scan-rows-sent']),
      rowsArrived: bench.firstRowsEventAt,
      firstRow: bench.firstRowAt,
      allRows: bench.readyAt,
      longestStreaming: longTasksBetween(bench, bench.firstRowAt, bench.readyAt),
      longestAll: longTasksBetween(bench, 0, bench.readyAt),
      selectAll,
      filter,
      filtered,
      memoryMb: big ? memory.rendererPeakMb + server.peakRssMb() : null,
      memory: big ? { page: memory.rendererPeakMb, server: server.peakRssMb() } : null,
    };
  } finally {
    await page.close();
    await server.stop();
    rmSync(cacheDir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * `acqmeta scan <folder> --json --no-cache`, whole process: ms to its first line and to its end.
 * Exit code 1 (problems found: the ImageJ and OME pages declare a calibration their sidecars do
 * not have) is a finished scan.
 */
function cliScan(folder) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let firstLine = null;
    const child = spawn(process.execPath, ['bin/acqmeta.cjs', 'scan', folder, '--json', '--no-cache'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    createInterface({ input: child.stdout }).on('line', () => {
      firstLine ??= performance.now() - start;
    });
    child.once('exit', (code) =>
      code <= 1 ? resolve({ firstLine, total: performance.now() - start }) : reject(new Error(`scan exited ${code}`)),
    );
  });
}

/**
 * Measures `opens` rounds of one size, each an open by every build (their order swapped every
 * round) and the command line's scan; returns its tables.
 */
async function measureCase(browser, { name, images, opens, targets }) {
  const { folder, sources } = ensureLabFolder(name, images);
  const big = targets.filter === true;
  const label = images.toLocaleString('en-US');
  const measured = builds();
  const [here, base] = measured;
  console.log(`${label} images: warming the page cache (an open by each build, a scan; not counted) ...`);
  for (const build of measured) await openOnce(browser, folder, images, false, build);
  await cliScan(folder);
  const runs = new Map(measured.map((build) => [build, []]));
  const scans = [];
  for (let i = 1; i <= opens; i++) {
    for (const build of i % 2 === 1 ? measured : [...measured].reverse()) {
      console.log(`${label} images: round ${i} of ${opens}, an open by ${build.label} ...`);
      const run = await openOnce(browser, folder, images, big, build);
      runs.get(build).push(run);
      console.log(
        `  first row ${ms(run.firstRow)}, all rows ${s(run.allRows)}, select all ${ms(run.selectAll.drawn)}, the editor ${ms(run.selectAll.editor)}`,
      );
    }
    scans.push(await cliScan(folder));
    console.log(`  the command line's scan ${s(scans.at(-1).total)}`);
  }
  const scan = median(scans.map((r) => r.total));
  const about = { label, big, targets };
  const mine = runs.get(here);
  const figures = figuresOf(mine, scan, about, base && here.label);
  figures.push([
    `${label}: command line \`scan --json --no-cache\`: first line; all (whole process)`,
    `${withRuns(
      scans.map((r) => r.firstLine),
      ms,
    )}; ${withRuns(
      scans.map((r) => r.total),
      s,
    )}`,
    '',
    mark(true),
  ]);
  if (base) {
    figures.push(...figuresOf(runs.get(base), scan, about, base.label));
    figures.push(...againstFigures(mine, runs.get(base), about, base.label));
  }
  const breakdown = breakdownOf(mine, scan, `${label}${base ? ` (${here.label})` : ''}`);
  const acquisition = big ? null : acquisitionAgainstTifffile(sources);
  return { figures, breakdown, acquisition, files: countTiffs(sources) };
}

/** `acqmeta scan --json --no-cache` against tifffile on the 4,320 sources, in turns; medians (s). */
function acquisitionAgainstTifffile(sources) {
  console.log('the 4,320 sources: acqmeta scan against tifffile, in turns ...');
  const { scans, tifffile } = sourcesAgainstTifffile(sources, [builds()[0]], 3);
  return { scan: median(scans[0]), tifffile: median(tifffile) };
}

/** The first-rows suite. */
export const suite = {
  name: 'first-rows',
  title: 'First rows of a lab folder, as a person meets them (issue 51)',
  against: true,
  /** Opens the app's page in Chromium: the renderer is built first. */
  renderer: true,
  async run() {
    const wanted = process.env.BENCH_FIRST_ROWS?.split(',') ?? ['10k'];
    const browser = await launchBrowser();
    const figures = [];
    const breakdown = [];
    let acquisition = null;
    try {
      for (const c of CASES.filter((c) => wanted.includes(c.name))) {
        const measured = await measureCase(browser, c);
        figures.push(...measured.figures);
        breakdown.push(...measured.breakdown);
        acquisition ??= measured.acquisition && { ...measured.acquisition, files: measured.files };
      }
    } finally {
      await browser.close();
    }
    if (acquisition !== null) {
      const times = acquisition.tifffile / acquisition.scan;
      figures.push([
        `the ${acquisition.files.toLocaleString('en-US')} sources: \`acqmeta scan --json --no-cache\` (with the acquisition) against tifffile (\`read-tifffile.py\`), whole process, medians of 3 in turns`,
        `${s(acquisition.scan * 1000)} against ${s(acquisition.tifffile * 1000)}: ${times.toFixed(2)}× as fast`,
        '≥ 2× as fast',
        mark(times >= 2),
      ]);
    }
    const about =
      'The folder: `make-lab-corpus.py` (issue 51), 4,320 files written with tifffile (4,000 single 64×64 pages of four kinds in 20 day ' +
      'folders, 300 stacks of 200 pages of three kinds, 20 plain stacks of 1,000 16×16 pages), hard-linked in sorted order into ' +
      '`animalNN/sessionN/imgNNNNNN.tif`, every other image with a CloudScope sidecar. Each size is first opened once by a server ' +
      'and scanned once by the command line, not counted (its files in the page cache). Then, in turns: an open (a new Chromium ' +
      'page, ready; `serve --root` started with an empty scan cache; the page navigated as soon as the URL is printed) and ' +
      '`acqmeta scan --json --no-cache` of the same folder (whole process, its first line and its end); the figures are medians, ' +
      'with every run in brackets. Page times are `performance.now()` from navigation start: the first row and all rows from a ' +
      'MutationObserver, long tasks from a PerformanceObserver (`longtask`), DOMContentLoaded and the JavaScript from the ' +
      'navigation and resource timings, the first `scan-rows` event from the page’s EventSource; server times are noted by the ' +
      'server itself (`serve-timing.cjs`, loaded with NODE_OPTIONS) on the same wall clock. Select all: from the event to the ' +
      'next drawn frame, and to the frame after the editor says "Editing 10,000 images"; the filter: to the next drawn frame. ' +
      'The JavaScript counted is what had arrived when the first row was drawn. With `--against <rev>`, each round opens the ' +
      "folder with this tree's build and the base's, in an order swapped every round, and the ratios are taken per round.";
    const table = (header, rows) => markdownTable(header, rows, ['---', '---:', ...header.slice(2).map(() => '---')]);
    return [
      about,
      table(['figure', 'measured', 'target', 'met'], figures),
      '**Breakdown** (medians, ms from navigation start):',
      table(['step', 'at', 'part'], breakdown),
    ].join('\n\n');
  },
};
