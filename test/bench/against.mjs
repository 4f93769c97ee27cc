// Measuring against another commit (`npm run bench -- <suite> --against <rev>`): that commit is
// built once in a git worktree of its own under bench-builds/ (git-ignored, kept by commit), and
// the suites run its command line in turns with this one's, each figure a ratio per pair. A
// ratio of one run against another taken minutes apart on a shared machine says little; a ratio
// per pair, its median and its spread, says what changed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { median, root } from './bench-kit.mjs';

/** Where other commits are built, one folder per commit (git-ignored). */
const BUILDS = path.join(root, 'bench-builds');
/** Written into a build's folder once its `npm ci` and build have succeeded. */
const BUILT = '.bench-built';
/** A figure this much slower than the base in its own paired run is a regression. */
export const REGRESSION = 0.1;

function git(args) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
}

/**
 * Commit `rev` built in `bench-builds/<commit>/` (a detached worktree, its own `npm ci`, whose
 * `prepare` builds it), reused when already built; returns its label and root.
 */
export function buildRevision(rev) {
  const sha = git(['rev-parse', '--verify', `${rev}^{commit}`]);
  const dir = path.join(BUILDS, sha);
  const label = sha.startsWith(rev) ? sha.slice(0, Math.max(7, rev.length)) : `${rev} (${sha.slice(0, 7)})`;
  if (!existsSync(path.join(dir, BUILT))) {
    // A build cut short is started again from nothing.
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    git(['worktree', 'prune']);
    mkdirSync(BUILDS, { recursive: true });
    git(['worktree', 'add', '--detach', dir, sha]);
    console.log(`building ${label} in ${path.relative(root, dir)}: npm ci and its build ...`);
    const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
    execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit', env });
    if (!existsSync(path.join(dir, 'dist/electron/cli.cjs')))
      execFileSync(process.execPath, ['build/scripts/build.mjs'], { cwd: dir, stdio: 'inherit' });
    writeFileSync(path.join(dir, BUILT), `${sha}\n`);
  }
  return { label, root: dir };
}

/**
 * The builds a suite measures: this working tree's, then the base named by `--against` (passed
 * by run-bench.mjs in `BENCH_AGAINST` and `BENCH_AGAINST_LABEL`) when there is one.
 */
export function builds() {
  const here = { label: 'this tree', root, base: false };
  const base = process.env.BENCH_AGAINST;
  if (base === undefined || base === '') return [here];
  return [here, { label: process.env.BENCH_AGAINST_LABEL ?? base, root: base, base: true }];
}

/**
 * `acqmeta <args>` of `build` as a command and its options for bench-kit's `measure`: each build
 * keeps its compiled code in a cache folder of its own, since the launcher keeps only one
 * script's cache and two builds taking turns would otherwise throw away each other's.
 */
export function acqmetaOf(build, args) {
  const cache = path.join(BUILDS, 'cache', build.base ? path.basename(build.root) : 'this-tree');
  return [
    [process.execPath, path.join(build.root, 'bin/acqmeta.cjs'), ...args],
    { env: { ...process.env, ACQMETA_CACHE_DIR: cache } },
  ];
}

/** The ratios `a[i] / b[i]` of runs taken in pairs: their median, least and greatest. */
export function pairedRatios(a, b) {
  const ratios = a.map((value, i) => value / b[i]);
  return { ratios, median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
}

/** `1.23× (1.10–1.40)`: a paired ratio's median and spread. */
export function ratioText({ median: mid, min, max }) {
  return `${mid.toFixed(2)}× (${min.toFixed(2)}–${max.toFixed(2)})`;
}

/**
 * The time of this tree against the base's, per pair (`here` and `base` in seconds, taken in
 * turns), as a table cell; a median more than {@link REGRESSION} slower is printed loudly on
 * stderr and makes the run exit with 1, as a failing test would.
 */
export function againstBase(figure, here, base) {
  const paired = pairedRatios(here, base);
  const regressed = paired.median > 1 + REGRESSION;
  if (regressed) {
    const line = '!'.repeat(78);
    console.error(
      `\n${line}\nREGRESSION: ${figure} takes ${ratioText(paired)} the base's time in its own paired run ` +
        `(more than ${REGRESSION * 100}% slower)\n${line}\n`,
    );
    process.exitCode = 1;
  }
  return `${ratioText(paired)} the base's time${regressed ? ' (**REGRESSION**)' : ''}`;
}
