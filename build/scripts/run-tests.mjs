// `npm test`: the build, better-sqlite3's native module when the install left it to us, the type
// checks, lint and the format check side by side; then the unit tests (vitest) and the end-to-end
// tests (Playwright), stopping at the first failing step. Ends with one summary line
// `N passed, N failed, N skipped` counted from the runners' JSON reports, after each stage's time.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtByInstall } from './built-by-install.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const reports = path.join(root, 'test-results');
mkdirSync(reports, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const runStarted = performance.now();

/** Each stage that ran and how long it took, in seconds, for the closing table. */
const timings = [];

/**
 * Runs one stage, timing it; resolves false when it fails. With `quiet`, its output is kept
 * and printed whole once it ends, so that stages run side by side do not interleave lines.
 */
function stage(title, command, args, quiet = false) {
  if (!quiet) console.log(`\n=== ${title}`);
  const started = performance.now();
  const child = spawn(command, args, { cwd: root, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
  const output = [];
  child.stdout?.on('data', (chunk) => output.push(chunk));
  child.stderr?.on('data', (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      timings.push({ title, seconds: (performance.now() - started) / 1000, sideBySide: quiet });
      if (quiet) process.stdout.write(`\n=== ${title}\n${Buffer.concat(output).toString()}`);
      if (code !== 0) console.error(`\n${title} failed (exit ${code ?? signal}).`);
      resolve(code === 0);
    });
  });
}

/**
 * Runs stages side by side, in the order given: most are one single-threaded process (tsc,
 * eslint, prettier, the C compiler), so two at a time keep both cores of a two-core machine busy;
 * resolves false when any fails.
 */
async function sideBySide(stages) {
  const queue = [...stages];
  let ok = true;
  const lane = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) ok = (await stage(...next, true)) && ok;
  };
  await Promise.all([lane(), lane()]);
  return ok;
}

// .ci/run sets it before `npm ci`: the README's whole test command, installs included
const started = Number(process.env.ACQMETA_TEST_STARTED);

/** The build stage, unless `npm ci` has just made the same build (then none, and it says so). */
function buildStage() {
  if (!builtByInstall(root, started)) return [['Build', process.execPath, ['build/scripts/build.mjs']]];
  console.log('\n=== Build: dist/ was built by npm ci (its prepare script) in this run; not built again');
  return [];
}

/**
 * Compiling better-sqlite3 (SQLite in one C file: a minute on one core) when the install left it
 * undone, as `.ci/run`'s `npm ci --ignore-scripts` does so that it runs here beside the build and
 * the static checks rather than alone with a core idle; none when the module is there.
 */
function nativeStage() {
  if (existsSync(path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))) return [];
  // npm sets npm_execpath for `npm test`; run directly, the npm on PATH does
  const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
  return [['Native module (better-sqlite3)', npm[0], [...npm[1], 'rebuild', 'better-sqlite3']]];
}

const unitReport = path.join(reports, 'unit.json');
const e2eReport = path.join(reports, 'e2e.json');
// a stage that does not run must count nothing: no report of an earlier run is read
for (const report of [unitReport, e2eReport]) rmSync(report, { force: true });
// longest first, so that no long stage starts last while the other lane has nothing left to run
const ok =
  (await sideBySide([
    ...nativeStage(),
    ['Lint', bin('eslint'), ['.']],
    ['Format (prettier --check)', bin('prettier'), ['--check', '.']],
    ['Type-check (node)', bin('tsc'), ['-p', 'tsconfig.node.json']],
    ...buildStage(),
    ['Type-check (web)', bin('tsc'), ['-p', 'tsconfig.web.json']],
  ])) &&
  (await stage('Unit tests', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${unitReport}`,
  ])) &&
  (await stage('End-to-end tests', bin('playwright'), ['test', '-c', 'test/e2e/playwright.config.ts']));

/** Reads pass/fail/skip counts from a runner's JSON report, if it wrote one. */
function counts(file, read) {
  try {
    return read(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return { passed: 0, failed: 0, skipped: 0 };
  }
}
const unit = counts(unitReport, (r) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests,
  skipped: r.numPendingTests + r.numTodoTests,
}));
const e2e = counts(e2eReport, (r) => ({
  passed: r.stats.expected + r.stats.flaky,
  failed: r.stats.unexpected,
  skipped: r.stats.skipped,
}));
const passed = unit.passed + e2e.passed;
// A stage that fails without a test report (build, types, lint) still counts as one failure.
const failed = Math.max(unit.failed + e2e.failed, ok ? 0 : 1);
/** One line of the timing table: a label and whole seconds. */
const timeLine = (label, seconds) => console.log(`  ${label.padEnd(28)} ${seconds.toFixed(0).padStart(5)}`);
console.log('\nStage times (s; * ran side by side):');
for (const { title, seconds, sideBySide: paired } of timings) timeLine(`${title}${paired ? ' *' : ''}`, seconds);
timeLine('total', (performance.now() - runStarted) / 1000);
if (Number.isFinite(started) && started > 0) timeLine('from npm ci on', Date.now() / 1000 - started);
console.log(`\nunit: ${unit.passed} passed, ${unit.failed} failed; e2e: ${e2e.passed} passed, ${e2e.failed} failed`);
console.log(`${passed} passed, ${failed} failed, ${unit.skipped + e2e.skipped} skipped`);
process.exit(ok ? 0 : 1);
