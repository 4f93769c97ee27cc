// The first rows of a lab folder, measured the way a person meets them (issue 51): a folder of
// 10,000 hard links to 4,320 files written with tifffile (make-lab-corpus.py), already in the
// page cache; each open starts `serve --root` fresh with an empty scan cache and navigates
// Chromium as soon as the URL is printed; the page times itself from navigation start, the
// server notes when it answered `getSession` and sent the first rows (serve-timing.cjs), and the
// command line's `scan --json --no-cache` of the same folder is timed in turns with the opens.
/* global window -- code run in the page */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { builds } from '../against.mjs';
import { countTiffs, markdownTable, median, root } from '../bench-kit.mjs';
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
  { name: '10k', images: 10_000, opens: 5, targets: { first: 500, timesScan: 1.3 } },
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

/** The page's navigation and resource timings, on its own clock (ms from navigation start). */
function pageTimings() {
  const resources = performance.getEntriesByType('resource');
  const scripts = resources.filter((r) => r.initiatorType === 'script' || /\.m?js(\?|$)/.test(r.name));
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
 * One open of `folder` as a person makes it: a page ready in Chromium, `serve --root` started with
 * an empty scan cache, the page navigated as soon as the URL is printed. With `big`, a filter and
 * the memory too.
 */
async function openOnce(browser, folder, big) {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'acqmeta-bench-first-rows-'));
  const cacheDir = freshCacheDir();
  const log = path.join(scratch, 'serve.jsonl');
  const page = await newAppPage(browser);
  await page.addInitScript(eventTimes);
  const server = await startServe(folder, {
    ACQMETA_CACHE_DIR: cacheDir,
    BENCH_SERVE_LOG: log,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${HOOK}`.trim(),
  });
  try {
    await page.goto(server.url);
    const bench = await waitForRows(page);
    const timings = await page.evaluate(pageTimings);
    const fromNavigation = (at) => at - timings.origin;
    const notes = serverNotes(log);
    const filter = big ? await timedInPage(page, 'filter', 'zebrafish', browser) : null;
    const filtered = big ? await statusText(page) : '';
    if (big) await timedInPage(page, 'filter', '');
    const selectAll = await timedInPage(page, 'selectAll', undefined, browser);
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

const ms = (value) => `${Math.round(value)} ms`;
const s = (value) => `${(value / 1000).toFixed(2)} s`;
const mark = (ok) => (ok ? 'yes' : '**no**');
/** A median and, in brackets, every run. */
const withRuns = (values, format) => `${format(median(values))} (${values.map(format).join(', ')})`;

/** Measures `opens` opens of one size in turns with the command line; returns its two tables. */
async function measureCase(browser, { name, images, opens, targets }) {
  const { folder, sources } = ensureLabFolder(name, images);
  const big = targets.filter === true;
  const label = images.toLocaleString('en-US');
  console.log(`${label} images: warming the page cache (an open not counted, a scan not counted) ...`);
  await openOnce(browser, folder, false);
  await cliScan(folder);
  const runs = [];
  const scans = [];
  for (let i = 1; i <= opens; i++) {
    console.log(`${label} images: open ${i} of ${opens}, then the command line's scan ...`);
    runs.push(await openOnce(browser, folder, big));
    scans.push(await cliScan(folder));
    const [run, cli] = [runs.at(-1), scans.at(-1)];
    console.log(
      `  first row ${ms(run.firstRow)}, all rows ${s(run.allRows)}, select all ${ms(run.selectAll.ms)}; scan ${s(cli.total)}`,
    );
  }
  const med = (key) => median(runs.map((run) => key(run)));
  const all = (key) => runs.map((run) => key(run));
  const scan = median(scans.map((r) => r.total));
  const figures = [];
  const add = (figure, measured, target, ok) => figures.push([`${label}: ${figure}`, measured, target, mark(ok)]);
  add(
    'first row drawn (from navigation)',
    withRuns(
      all((r) => r.firstRow),
      ms,
    ),
    `≤ ${ms(targets.first)}`,
    med((r) => r.firstRow) <= targets.first,
  );
  add(
    'command line `scan --json --no-cache`: first line; all (whole process)',
    `${withRuns(
      scans.map((r) => r.firstLine),
      ms,
    )}; ${withRuns(
      scans.map((r) => r.total),
      s,
    )}`,
    '',
    true,
  );
  const ratio = med((r) => r.allRows) / scan;
  add(
    'all rows (from navigation); × the command line',
    `${withRuns(
      all((r) => r.allRows),
      s,
    )}; ${ratio.toFixed(2)}×`,
    targets.timesScan ? `≤ ${targets.timesScan}× (${s(targets.timesScan * scan)})` : '',
    !targets.timesScan || ratio <= targets.timesScan,
  );
  add(
    'longest task while rows stream (tasks over 50 ms); longest from navigation',
    `${withRuns(
      all((r) => r.longestStreaming.longest),
      ms,
    )} (${med((r) => r.longestStreaming.over50)}); ${ms(med((r) => r.longestAll.longest))}`,
    '≤ 100 ms',
    med((r) => r.longestStreaming.longest) <= 100,
  );
  add(
    'select all, keypress to the selection drawn (CPU of its longest task)',
    `${withRuns(
      all((r) => r.selectAll.ms),
      ms,
    )} (CPU ${ms(med((r) => r.selectAll.cpuMs))})`,
    '≤ 100 ms',
    med((r) => r.selectAll.ms) <= 100,
  );
  if (big) {
    add(
      `filter "zebrafish" to the next frame (CPU of its longest task) — ${runs[0].filtered.replace(/\s+/g, ' ')}`,
      `${withRuns(
        all((r) => r.filter.ms),
        ms,
      )} (CPU ${ms(med((r) => r.filter.cpuMs))})`,
      '≤ 100 ms',
      med((r) => r.filter.ms) <= 100,
    );
    add(
      'memory: page (renderer peak RSS) + server (peak RSS)',
      `${Math.round(med((r) => r.memory.page))} + ${Math.round(med((r) => r.memory.server))} = ${Math.round(med((r) => r.memoryMb))} MB`,
      `< ${targets.memoryMb} MB`,
      med((r) => r.memoryMb) < targets.memoryMb,
    );
  }
  const breakdown = [
    [
      'server process started (before navigation: it prints the URL, the page navigates)',
      `−${ms(med((r) => r.serverStartToNavigation))}`,
      'server',
    ],
    [
      "page's document (HTML) asked → arrived",
      `${ms(med((r) => r.documentAsked))} → ${ms(med((r) => r.documentDone))}`,
      'server → transfer',
    ],
    [
      "page's JavaScript asked → arrived",
      `${ms(med((r) => r.scriptAsked))} → ${ms(med((r) => r.scriptDone))}`,
      `${Math.round(runs[0].scriptKb)} KB`,
    ],
    ['DOMContentLoaded', ms(med((r) => r.domContentLoaded)), 'page'],
    [
      '`getSession` answered by the server → arrived in the page',
      `${ms(med((r) => r.sessionSent))} → ${ms(med((r) => r.sessionAnswered))}`,
      'server → transfer',
    ],
    [
      'first `scan-rows` event sent by the server → arrived in the page',
      `${ms(med((r) => r.rowsSent))} → ${ms(med((r) => r.rowsArrived))}`,
      'server → transfer',
    ],
    [
      'first row drawn',
      ms(med((r) => r.firstRow)),
      `page: ${ms(med((r) => r.firstRow - r.rowsArrived))} after the event`,
    ],
    ['all rows drawn', ms(med((r) => r.allRows)), `the command line: ${ms(scan)}`],
  ].map(([step, at, part]) => [`${label}: ${step}`, at, part]);
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
      'server itself (`serve-timing.cjs`, loaded with NODE_OPTIONS) on the same wall clock. Select all and the filter: from the ' +
      'event to the next drawn frame.';
    const table = (header, rows) => markdownTable(header, rows, ['---', '---:', ...header.slice(2).map(() => '---')]);
    return [
      about,
      table(['figure', 'measured', 'target', 'met'], figures),
      '**Breakdown** (medians, ms from navigation start):',
      table(['step', 'at', 'part'], breakdown),
    ].join('\n\n');
  },
};
