// The app on large folders: browser mode driven in Chromium on 10,000 and 100,000 images (half
// with sidecars, nested folders), first open (empty scan cache) and second open (the cache of
// the first), and a slow disk (every read delayed 20 ms). The page measures itself: when the
// first row and every row were drawn, the long tasks of its main thread (PerformanceObserver),
// and how long filtering, selecting and editing take until the next frame; and what the work
// cost in CPU time (Chromium traces, /proc), which the machine's other load does not inflate.
/* global window, document -- code run in the page */
import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { markdownTable, measure, median, python } from '../bench-kit.mjs';
import {
  ensureUiCorpus,
  evictFromPageCache,
  firstRowShown,
  freshCacheDir,
  launchBrowser,
  longTasksBetween,
  newAppPage,
  openApp,
  pageMemory,
  rendererCpuSeconds,
  startServe,
  statusText,
  stopTrace,
  timedInPage,
  waitForRows,
} from '../ui-kit.mjs';

const SECOND = 1000;

/**
 * Opens `folder` in a new server and page, with no tracer attached (a Chromium trace slows the
 * page it records); `during(page)` runs while the rows stream in.
 */
async function openAndMeasure(browser, folder, env, during = null) {
  const server = await startServe(folder, env);
  const page = await newAppPage(browser);
  const cpuBefore = server.cpuSeconds() + (await rendererCpuSeconds(browser));
  await openApp(browser, server.url, false, page);
  try {
    let streaming = null;
    if (during !== null) {
      await firstRowShown(page);
      streaming = await during(page);
    }
    const bench = await waitForRows(page);
    const cpu = server.cpuSeconds() + (await rendererCpuSeconds(browser)) - cpuBefore;
    const filter = await timedInPage(page, 'filter', 'zebrafish', browser);
    const filtered = await statusText(page);
    await timedInPage(page, 'filter', '');
    const selectAll = await timedInPage(page, 'selectAll', undefined, browser);
    const memory = await pageMemory(page);
    return {
      firstRows: bench.firstRowAt,
      allRows: bench.readyAt,
      cpu,
      tasks: longTasksBetween(bench, bench.firstRowAt, bench.readyAt),
      filter,
      filtered,
      selectAll,
      memory,
      serverMb: server.peakRssMb(),
      streaming,
    };
  } finally {
    await page.close();
    await server.stop();
  }
}

/** A first open of `folder` (empty scan cache, kept in `cacheDir` when given, else removed after). */
async function firstOpen(browser, folder, during = null, cacheDir = null) {
  const dir = cacheDir ?? freshCacheDir();
  try {
    return await openAndMeasure(browser, folder, { ACQMETA_CACHE_DIR: dir }, during);
  } finally {
    if (cacheDir === null) rmSync(dir, { recursive: true, force: true });
  }
}

/** The item whose `key` is the median of the items' keys. */
function medianBy(items, key) {
  const middle = median(items.map(key));
  return items.find((item) => key(item) === middle);
}

/**
 * The CPU time of the longest main-thread task while the rows of a first open of `folder`
 * stream in, from a Chromium trace of an open of its own (fresh scan cache).
 */
async function longestTaskCpu(browser, folder) {
  const cacheDir = freshCacheDir();
  const server = await startServe(folder, { ACQMETA_CACHE_DIR: cacheDir });
  const page = await openApp(browser, server.url, true);
  try {
    await waitForRows(page);
    return (await stopTrace(browser)).longestCpu;
  } finally {
    await page.close();
    await server.stop();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** What a person does while 100,000 rows stream in: scroll, select a row, edit it, filter, select all. */
async function interactWhileStreaming(page) {
  await sleep(500);
  const times = {};
  times.scroll = await timedInPage(page, 'scroll', 2000);
  times.select = await timedInPage(page, 'clickRow', 2);
  await sleep(100);
  times.edit = await timedInPage(page, 'typeField', ['note', 'checked while scanning']);
  times.filter = await timedInPage(page, 'filter', 'rat');
  times.clearFilter = await timedInPage(page, 'filter', '');
  times.selectAll = await timedInPage(page, 'selectAll');
  times.rowsAfter = await statusText(page);
  return times;
}

/** A slow disk: every read waits 20 ms. Watches progress for a few seconds, interacts, cancels. */
async function slowDisk(browser, folder) {
  const cacheDir = freshCacheDir();
  const server = await startServe(folder, { ACQMETA_CACHE_DIR: cacheDir, ACQMETA_READ_DELAY_MS: '20' });
  const page = await openApp(browser, server.url);
  try {
    await firstRowShown(page);
    const progress = [];
    for (let i = 0; i < 4; i++) {
      await sleep(1500);
      progress.push(await statusText(page));
    }
    const filter = await timedInPage(page, 'filter', 'mouse', browser);
    await timedInPage(page, 'filter', '');
    const selectAll = await timedInPage(page, 'selectAll', undefined, browser);
    const cancelAt = await page.evaluate(() => performance.now());
    await timedInPage(page, 'cancelScan');
    await page.waitForFunction(() => document.documentElement.dataset.appState === 'ready', null, {
      polling: 20,
      timeout: 30_000,
    });
    const cancelled = (await page.evaluate(() => performance.now())) - cancelAt;
    const bench = await page.evaluate(() => window.__bench);
    return {
      firstRows: bench.firstRowAt,
      progress,
      filter,
      selectAll,
      cancelled,
      final: await statusText(page),
      tasks: longTasksBetween(bench, bench.firstRowAt),
    };
  } finally {
    await page.close();
    await server.stop();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

const ms = (value) => `${Math.round(value)} ms`;
const s = (value) => `${(value / SECOND).toFixed(2)} s`;
const mb = (value) => `${Math.round(value)} MB`;
const mark = (ok) => (ok ? 'yes' : '**no**');
/** An interaction's wall time and the CPU time of its longest task. */
const timed = ({ ms: wall, cpuMs }) => `${ms(wall)} (CPU ${ms(cpuMs)})`;

/** Shown rows and progress as the status bar says it, without its buttons' labels. */
const status = (text) =>
  text
    .replace(/(Cancel|Scan again)$/, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The whole-process wall time (ms) of `command` (stdout discarded); throws when it fails. */
function wholeProcess(command) {
  const run = measure(command);
  if (run.code !== 0) throw new Error(`failed: ${command.join(' ')}`);
  return run.seconds * SECOND;
}

/** `acqmeta scan <folder> --no-cache`, whole process (ms). */
const referenceScan = (folder) => wholeProcess([process.execPath, 'bin/acqmeta.cjs', 'scan', folder, '--no-cache']);

/** tifffile reading every header of `folder` as CloudScope does (`read-tifffile.py`, as the scan suite), whole process (ms). */
const tifffileRead = (folder) => wholeProcess([python, 'test/bench/read-tifffile.py', folder]);

/**
 * `rounds` cold first opens of `folder` (`during` as for the warm ones), each in turns with
 * tifffile reading the same folder's headers, the folder evicted from memory before each of
 * them. Returns every open, every tifffile time (ms) and how the folder was evicted.
 */
async function coldAgainstTifffile(browser, label, folder, during, rounds) {
  const opens = [];
  const tifffile = [];
  let evicted = '';
  for (let i = 1; i <= rounds; i++) {
    console.log(`${label} images: cold first open ${i} of ${rounds}, then tifffile cold ...`);
    evicted = evictFromPageCache(folder);
    opens.push(await firstOpen(browser, folder, during));
    evictFromPageCache(folder);
    tifffile.push(tifffileRead(folder));
  }
  return { opens, tifffile, evicted };
}

/**
 * Measures the first and second opens of `folder` (`label`: its image count) and adds a row per
 * figure with `add`. `targets`: first rows, all rows (ms; or `{ timesScan }`, a multiple of the
 * reference scan) and the second open's speed-up; `opens` first opens (medians), each followed,
 * with `reference`, by an `acqmeta scan --no-cache` of the same folder (in turns); with `cold`,
 * the folder is evicted from memory before the first of them. With `coldRounds`, after all that,
 * that many cold first opens in turns with tifffile reading the folder cold ({@link coldAgainstTifffile}):
 * all rows must take no longer than tifffile. Returns how the folder was made cold ('' if it was not).
 */
async function measureFolder(browser, add, { label, folder, targets, during, opens, cold, reference, coldRounds = 0 }) {
  const cacheDir = freshCacheDir();
  let evicted = '';
  try {
    // a scan not counted, as before the first open (not counted) of the uniform folder
    if (reference) referenceScan(folder);
    // the large folder is opened the first time cold, as a folder not opened for a while is
    if (cold) evicted = evictFromPageCache(folder);
    const firsts = [];
    const scans = [];
    for (let i = 1; i <= opens; i++) {
      console.log(`${label} images: first open ${i} of ${opens}${reference ? ', then the reference scan' : ''} ...`);
      // the last first open leaves its scan cache for the second open
      firsts.push(await firstOpen(browser, folder, during, i === opens ? cacheDir : null));
      if (reference) scans.push(referenceScan(folder));
    }
    const first = {
      ...medianBy(firsts, (open) => open.allRows),
      firstRows: median(firsts.map((open) => open.firstRows)),
    };
    const scan = reference ? median(scans) : null;
    const allTarget = targets.timesScan === undefined ? targets.all : targets.timesScan * scan;
    // the same first open again, the folder now in memory: what the second open saves beside the disk
    if (cold) console.log(`${label} images: first open, the folder in memory ...`);
    const warmFirst = cold ? await firstOpen(browser, folder, during) : null;
    console.log(`${label} images: second open ...`);
    const second = await openAndMeasure(browser, folder, { ACQMETA_CACHE_DIR: cacheDir });
    console.log(`${label} images: first open, traced ...`);
    const longestCpu = await longestTaskCpu(browser, folder);
    // last, so that the figures above are taken as before (a dropped page cache cools more than the folder)
    const coldRuns = coldRounds > 0 ? await coldAgainstTifffile(browser, label, folder, during, coldRounds) : null;
    if (coldRuns !== null) evicted = coldRuns.evicted;
    const runs = (values, format) => (values.length > 1 ? ` (median of ${values.map(format).join(', ')})` : '');
    add(
      `${label}: first rows, first open`,
      ms(first.firstRows) +
        runs(
          firsts.map((open) => open.firstRows),
          ms,
        ),
      `≤ ${ms(targets.first)}`,
      first.firstRows <= targets.first,
    );
    if (reference)
      add(
        `${label}: reference — \`acqmeta scan --no-cache\` of the same folder (whole process)`,
        s(scan) + runs(scans, s),
        '',
        true,
      );
    add(
      `${label}: all rows, first open${cold ? ' (cold: the folder not in memory)' : ''}`,
      s(first.allRows) +
        runs(
          firsts.map((open) => open.allRows),
          s,
        ) +
        (reference ? `; ${(first.allRows / scan).toFixed(2)}x the scan` : ''),
      targets.timesScan !== undefined
        ? `≤ ${targets.timesScan}x the scan (${s(allTarget)})`
        : Number.isFinite(allTarget)
          ? `≤ ${s(allTarget)}`
          : 'opens',
      first.allRows <= allTarget,
    );
    if (coldRuns !== null) {
      const coldFirstRows = coldRuns.opens.map((open) => open.firstRows);
      const coldAllRows = coldRuns.opens.map((open) => open.allRows);
      const [coldFirst, coldAll, tifffile] = [coldFirstRows, coldAllRows, coldRuns.tifffile].map(median);
      add(`${label}: first rows, first open, cold`, ms(coldFirst) + runs(coldFirstRows, ms), '', true);
      add(
        `${label}: tifffile reading the same headers cold (\`read-tifffile.py\`, whole process)`,
        s(tifffile) + runs(coldRuns.tifffile, s),
        '',
        true,
      );
      add(
        `${label}: all rows, first open, cold`,
        `${s(coldAll)}${runs(coldAllRows, s)}; ${(coldAll / tifffile).toFixed(2)}x tifffile's time (${(tifffile / coldAll).toFixed(1)}x as fast)`,
        `≤ tifffile's time (${s(tifffile)})`,
        coldAll <= tifffile,
      );
    }
    if (warmFirst !== null)
      add(
        `${label}: all rows, first open again with the folder in memory (for information)`,
        s(warmFirst.allRows),
        '',
        true,
      );
    add(
      `${label}: longest main-thread task while rows stream — wall (tasks over 50 ms); CPU`,
      `${ms(first.tasks.longest)} (${first.tasks.over50}); ${ms(longestCpu)}`,
      '≤ 100 ms',
      first.tasks.longest <= 100,
    );
    if (first.streaming !== null) {
      const t = first.streaming;
      const worst = Math.max(t.scroll, t.select, t.edit, t.filter, t.clearFilter, t.selectAll);
      add(
        `${label}: while streaming — scroll / select a row / edit / filter / clear / select all (to next frame)`,
        [t.scroll, t.select, t.edit, t.filter, t.clearFilter, t.selectAll].map(ms).join(' / '),
        'each ≤ 100 ms',
        worst <= 100,
      );
    }
    add(
      `${label}: filter (to next frame; CPU of its longest task) — ${status(first.filtered)}`,
      timed(first.filter),
      '≤ 100 ms',
      first.filter.ms <= 100,
    );
    add(
      `${label}: select all (to next frame; CPU of its longest task)`,
      timed(first.selectAll),
      '≤ 100 ms',
      first.selectAll.ms <= 100,
    );
    const total = first.memory.rendererRssMb + first.serverMb;
    add(
      `${label}: memory — page (JS heap) + server peak`,
      `${mb(first.memory.rendererRssMb)} (${mb(first.memory.heapMb)}) + ${mb(first.serverMb)} = ${mb(total)}`,
      '< 1,024 MB',
      total < 1024,
    );
    add(
      `${label}: second open (scan cache): first rows / all rows`,
      `${ms(second.firstRows)} / ${s(second.allRows)}`,
      '',
      true,
    );
    const speedUp = first.allRows / second.allRows;
    const againstWarm =
      warmFirst === null
        ? ''
        : ` (against the first open with the folder in memory: ${(warmFirst.allRows / second.allRows).toFixed(1)}x)`;
    add(
      `${label}: second open speed-up (all rows)${cold ? ', against the cold first open' : ''}`,
      `${speedUp.toFixed(1)}x${againstWarm}`,
      targets.speedUp ? `≥ ${targets.speedUp}x` : '',
      !targets.speedUp || speedUp >= targets.speedUp,
    );
    add(
      `${label}: CPU used by server + page until all rows, first → second open`,
      `${first.cpu.toFixed(1)} s → ${second.cpu.toFixed(1)} s (${(first.cpu / second.cpu).toFixed(1)}x)`,
      '',
      true,
    );
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
  return evicted;
}

/**
 * The corpora and what is measured on each; `BENCH_UI` (comma-separated names, `slow-disk` for the
 * slow disk) picks some: all by default.
 */
const CASES = [
  {
    name: 'uniform-10k',
    corpus: ['10k', 10_000],
    label: '10,000',
    targets: { first: 0.3 * SECOND, all: 2 * SECOND },
    during: null,
    opens: 3,
    cold: false,
    reference: false,
  },
  {
    name: 'uniform-100k',
    corpus: ['100k', 100_000],
    label: '100,000',
    targets: { first: 0.5 * SECOND, all: Number.POSITIVE_INFINITY, speedUp: 5 },
    during: interactWhileStreaming,
    opens: 1,
    cold: true,
    reference: false,
  },
  {
    name: 'mixed-10k',
    corpus: ['mixed-10k', 10_000, true],
    label: 'mixed 10,000',
    targets: { first: 0.5 * SECOND, timesScan: 1.3 },
    during: null,
    opens: 5,
    cold: false,
    reference: true,
    coldRounds: 5,
  },
  {
    name: 'mixed-100k',
    corpus: ['mixed-100k', 100_000, true],
    label: 'mixed 100,000',
    targets: { first: 0.8 * SECOND, all: Number.POSITIVE_INFINITY },
    during: interactWhileStreaming,
    opens: 3,
    cold: false,
    reference: true,
    // one cold round: tifffile alone takes some 200 s a round here (20 s at 10,000)
    coldRounds: 1,
  },
];

/** The UI suite. */
export const suite = {
  name: 'ui',
  title: 'The app on large folders (browser mode in Chromium)',
  /** Opens the app's page in Chromium: the renderer is built first. */
  renderer: true,
  async run() {
    const wanted = process.env.BENCH_UI?.split(',') ?? [...CASES.map((c) => c.name), 'slow-disk'];
    const cases = CASES.filter((c) => wanted.includes(c.name)).map((c) => ({
      ...c,
      folder: ensureUiCorpus(...c.corpus),
    }));
    const small = ensureUiCorpus('10k', 10_000);
    const browser = await launchBrowser();
    const tables = { uniform: [], mixed: [] };
    const evicted = { uniform: '', mixed: '' }; // how each corpus's folders were made cold
    const adder = (rows) => (figure, value, target, ok) => rows.push([figure, value, target, mark(ok)]);
    const add = adder(tables.uniform);
    try {
      console.log('warm-up open (not counted) ...');
      await firstOpen(browser, small);
      for (const c of cases) {
        const kind = c.name.split('-')[0];
        const how = await measureFolder(browser, adder(tables[kind]), c);
        if (how !== '') evicted[kind] = how;
      }
      if (wanted.includes('slow-disk')) {
        console.log('slow disk ...');
        const slow = await slowDisk(browser, small);
        add('slow disk (20 ms a read), 10,000 images: first rows', ms(slow.firstRows), 'shows progress', true);
        add(
          'slow disk: status every 1.5 s',
          slow.progress.map(status).join(' → '),
          'progress advances',
          new Set(slow.progress).size === slow.progress.length,
        );
        add(
          'slow disk: filter / select all while scanning (to next frame; CPU of its longest task)',
          `${timed(slow.filter)} / ${timed(slow.selectAll)}`,
          'each ≤ 100 ms',
          Math.max(slow.filter.ms, slow.selectAll.ms) <= 100,
        );
        add('slow disk: Cancel until the listing is final', `${ms(slow.cancelled)} (${status(slow.final)})`, '', true);
        add(
          'slow disk: longest main-thread task (tasks over 50 ms)',
          `${ms(slow.tasks.longest)} (${slow.tasks.over50})`,
          '≤ 100 ms',
          slow.tasks.longest <= 100,
        );
      }
    } finally {
      await browser.close();
    }
    const about =
      'Browser mode (`serve`) on generated folders of small TIFFs copied from four templates (plain, ImageJ, OME, RGB), ' +
      '500 to a folder, half with CloudScope sidecars; the page in Debian Chromium (headless) via playwright-core. ' +
      'Each page is opened in a new Chromium window and navigated once Chromium has finished opening the window (its ' +
      'browser-interface renderer uses about 0.8 CPU-seconds in its first second, which the app would otherwise share the two cores with). ' +
      'Times are from the page navigation (`performance.now()`): first rows = first table row drawn, all rows = every image ' +
      "listed (the page logs both to its console, where the benchmark waits for them: polling the page with Playwright would first run Playwright's injected script, 20–30 ms, on the page's main thread as the app loads). First open: empty scan cache; second open: a new server on the cache the first one wrote. A first open of " +
      "the 10,000 images comes first and is not counted (a new browser's first page and a corpus not yet in the page cache " +
      'are slower); the 10,000-image first open is then measured three times and its first rows and all rows are the medians ' +
      '(its other figures are those of the open with the median all rows); the 100,000-image first open is measured once, cold: ' +
      `before it, ${evicted.uniform || 'the folder is evicted from memory'}, as for a folder not opened for a while (this machine drops pages unused for a minute, so without this the ` +
      'figure depended on how long ago the corpus was last read: 7–8 s warm, 22–24 s cold); the same open is then made again with the ' +
      'folder in memory, for information, and the second open (in memory too) is compared with both. Long tasks from ' +
      'PerformanceObserver (`longtask`, over 50 ms, wall time) from the first row to the last; and the longest ' +
      'task by the CPU time it used (thread time: what the task cost whatever else the machine ran), from a Chromium ' +
      'trace of a further first open of its own: a tracer slows the page it records, so every other figure of a first ' +
      'open is taken with none attached. ' +
      'Interactions are timed from the event to ' +
      'the next drawn frame; where a CPU time is given, it is the thread time of the longest task meanwhile (Chromium trace). ' +
      'CPU used: the server process (worker threads included, /proc) and the renderer processes (Chromium SystemInfo), ' +
      'from before the page opened until all rows were listed. ' +
      'Memory: the renderer process RSS (JS heap after a GC) and the server peak RSS (worker threads included).';
    const coldCases = cases.filter((c) => c.name.startsWith('mixed') && c.coldRounds > 0);
    const mixed =
      "**A lab's folder (mixed corpus).** `make-ui-corpus.py --mixed`: six kinds of image cycled (a single page; an ImageJ " +
      'hyperstack TZCYX of 80 pages; an OME-TIFF ZCYX of 120 pages; an ImageJ 2-channel plane; an ImageJ time series of 600 pages; a ' +
      "plain 1,000-page stack with no description), 64×64 uint16 planes, each image a hard link to its kind's template, 50 to an " +
      '`animal-NNN/session-NN/` folder, every other cycle of six with a CloudScope sidecar (written, not linked). The folder is in ' +
      'memory (warm) unless said cold. Each first open (empty scan cache) is followed by `node bin/acqmeta.cjs scan <folder> --no-cache > /dev/null` ' +
      'of the same folder, whole process (start-up included), in turns, after one scan not counted: five of each at 10,000 images, ' +
      'three at 100,000; first rows, all rows and the scan are medians, the other figures those of the open with the median all rows. ' +
      'The rest as above.' +
      coldCases
        .map(
          (c) =>
            ` Cold, at ${c.corpus[1].toLocaleString('en-US')} images, after all the figures above: ${c.coldRounds} first opens (empty scan cache), each followed, in turns, ` +
            'by `test/bench/read-tifffile.py <folder>` (tifffile, as in the header-scan suite: `series[0]` shape, axes and dtype and the ' +
            'number of series of every file: it walks the page chain of the plain stacks and reads every page of the OME files, not the sidecars, ' +
            'which the app reads too), whole process; ' +
            `before each open and each tifffile run, ${evicted.mixed || 'the folder is evicted from memory'}; medians.`,
        )
        .join('');
    const table = (rows) => markdownTable(['figure', 'measured', 'target', 'met'], rows, ['---', '---:', '---', '---']);
    return [
      about,
      ...(tables.uniform.length > 0 ? [`**Uniform corpus.**\n\n${table(tables.uniform)}`] : []),
      ...(tables.mixed.length > 0 ? [mixed, table(tables.mixed)] : []),
    ].join('\n\n');
  },
};
