// Header scan: `acqmeta scan` against python3-tifffile (what CloudScope uses) on the mixed corpus,
// and `acqmeta scan` again on the same folder with the scan cache the first run wrote.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  bestOf,
  bestOfEach,
  corpus,
  countTiffs,
  ensureCorpus,
  int,
  markdownTable,
  python,
  root,
} from '../bench-kit.mjs';

const RUNS = 3;
/** What `acqmeta scan` must reach, in files per second, against tifffile. */
const TARGET_RATIO = 2;

/** Checks that the CLI reads every file of `dir` without an error row. */
function checkCli(dir, files) {
  const result = spawnSync(process.execPath, ['bin/acqmeta.cjs', 'scan', dir, '--json', '--no-cache'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const rows = result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  const bad = rows.filter((row) => row.header === null || row.errors.length > 0);
  if (rows.length !== files || bad.length > 0) {
    throw new Error(
      `acqmeta scan read ${rows.length} of ${files} files, ${bad.length} with errors: ${JSON.stringify(bad[0])}`,
    );
  }
}

function bench(label, dir, files) {
  checkCli(dir, files);
  const [acqmeta, tifffile] = bestOfEach(RUNS, [
    [[process.execPath, 'bin/acqmeta.cjs', 'scan', dir, '--json', '--no-cache']],
    [[python, 'test/bench/read-tifffile.py', dir]],
  ]);
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'acqmeta-bench-cache-'));
  try {
    // bestOf's warm-up run writes the cache; the runs it times read it
    const cached = bestOf(RUNS, [process.execPath, 'bin/acqmeta.cjs', 'scan', dir, '--json'], {
      env: { ...process.env, ACQMETA_CACHE_DIR: cacheDir },
    });
    const rate = (run) => ({ ...run, filesPerSecond: files / run.seconds });
    return { label, files, acqmeta: rate(acqmeta), tifffile: rate(tifffile), cached: rate(cached) };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** The header-scan suite. */
export const suite = {
  name: 'scan',
  title: 'Header scan against tifffile',
  run() {
    const info = ensureCorpus();
    const small = countTiffs(path.join(corpus, 'small'));
    const multi = countTiffs(path.join(corpus, 'multi'));
    const results = [
      bench(`${int(small)} single-page files of nine kinds`, path.join(corpus, 'small'), small),
      bench(
        `160 stacks of 200 pages, 10 files of 1,000 pages${info.big ? ', a 1.1 GB BigTIFF' : ''}`,
        path.join(corpus, 'multi'),
        multi,
      ),
      bench('all of the above in one folder', corpus, info.files),
    ];
    const table = markdownTable(
      [
        'corpus',
        'files',
        'acqmeta scan (files/s)',
        'tifffile (files/s)',
        `ratio (target ≥ ${TARGET_RATIO}x)`,
        'acqmeta peak RSS',
        'tifffile peak RSS',
        'acqmeta scan, cached (files/s)',
      ],
      results.map((r) => {
        const ratio = r.acqmeta.filesPerSecond / r.tifffile.filesPerSecond;
        return [
          r.label,
          int(r.files),
          int(r.acqmeta.filesPerSecond),
          int(r.tifffile.filesPerSecond),
          `${ratio.toFixed(2)}x${ratio >= TARGET_RATIO ? '' : ' (**below**)'}`,
          `${Math.round(r.acqmeta.rssMb)} MB`,
          `${Math.round(r.tifffile.rssMb)} MB`,
          int(r.cached.filesPerSecond),
        ];
      }),
    );
    const about =
      'Warm page cache, best of three runs taken in turns, whole process (start-up included). acqmeta: ' +
      '`node bin/acqmeta.cjs scan <corpus> --json --no-cache > /dev/null` (reads every header and looks for sidecars). ' +
      'tifffile: `test/bench/read-tifffile.py`, which reads `series[0]` shape, axes and dtype and the number of ' +
      'series of every file, as CloudScope does. Peak RSS from getrusage of the child process (worker threads included). ' +
      'Cached: the same scan with the scan cache a previous run wrote (files only `stat`ed).';
    return `${about}\n\n${table}`;
  },
};
