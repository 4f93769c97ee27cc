// Header scan: `acqmeta scan` against python3-tifffile (what CloudScope uses) on the mixed corpus.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { bestOf, corpus, countTiffs, ensureCorpus, int, markdownTable, python, root } from '../bench-kit.mjs';

const RUNS = 3;

/** Checks that the CLI reads every file of `dir` without an error row. */
function checkCli(dir, files) {
  const result = spawnSync(process.execPath, ['bin/acqmeta.cjs', 'scan', dir, '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const rows = result.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const bad = rows.filter((row) => row.header === null || row.errors.length > 0);
  if (rows.length !== files || bad.length > 0) {
    throw new Error(`acqmeta scan read ${rows.length} of ${files} files, ${bad.length} with errors: ${JSON.stringify(bad[0])}`);
  }
}

function bench(label, dir, files) {
  checkCli(dir, files);
  const acqmeta = bestOf(RUNS, [process.execPath, 'bin/acqmeta.cjs', 'scan', dir, '--json']);
  const tifffile = bestOf(RUNS, [python, 'test/bench/read-tifffile.py', dir]);
  return { label, files, acqmeta: { ...acqmeta, filesPerSecond: files / acqmeta.seconds }, tifffile: { ...tifffile, filesPerSecond: files / tifffile.seconds } };
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
      bench(`160 stacks of 200 pages, 10 files of 1,000 pages${info.big ? ', a 1.1 GB BigTIFF' : ''}`, path.join(corpus, 'multi'), multi),
      bench('all of the above in one folder', corpus, info.files),
    ];
    const table = markdownTable(
      ['corpus', 'files', 'acqmeta scan (files/s)', 'tifffile (files/s)', 'ratio', 'acqmeta peak RSS', 'tifffile peak RSS'],
      results.map((r) => [
        r.label,
        int(r.files),
        int(r.acqmeta.filesPerSecond),
        int(r.tifffile.filesPerSecond),
        `${(r.acqmeta.filesPerSecond / r.tifffile.filesPerSecond).toFixed(2)}x`,
        `${Math.round(r.acqmeta.rssMb)} MB`,
        `${Math.round(r.tifffile.rssMb)} MB`,
      ]),
    );
    const about =
      'Warm page cache, best of three runs, whole process (start-up included). acqmeta: ' +
      '`node bin/acqmeta.cjs scan <corpus> --json > /dev/null` (reads headers and looks for sidecars). ' +
      'tifffile: `test/bench/read-tifffile.py`, which reads `series[0]` shape, axes and dtype and the number of ' +
      'series of every file, as CloudScope does. Peak RSS from getrusage of the child process (worker threads included).';
    return `${about}\n\n${table}`;
  },
};
