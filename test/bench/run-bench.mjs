#!/usr/bin/env node
// `npm run bench`: header-reading throughput and peak memory of `acqmeta scan` against
// python3-tifffile (what CloudScope uses) on the same corpus, warm cache, in one run.
//
// 1. builds the Node bundles (so the CLI under test is the current code),
// 2. writes the corpus once into ./bench-corpus/ (gitignored; test/bench/make-corpus.py):
//    small/: 10,000 single-page files of nine kinds; multi/: 160 stacks of 200 pages, 10 files
//    of 1,000 pages and, when the disk has room, a sparse 1.1 GB BigTIFF,
// 3. runs each reader once to warm the page cache and check it reads every file, then three
//    timed runs; reports the best wall time and the peak RSS (getrusage of the child),
// 4. prints the table and writes it to test/bench/RESULTS.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.join(root, 'bench-corpus');
const marker = path.join(corpus, '.complete-v2.json');
const python = '/usr/bin/python3';
const RUNS = 3;

/** Runs a command with stdout discarded; returns wall seconds, peak RSS (MB) and exit code. */
function measure(command) {
  const wrapper = [
    'import json, resource, subprocess, sys, time',
    't = time.perf_counter()',
    'code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode',
    'seconds = time.perf_counter() - t',
    'rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss',
    'print(json.dumps({"seconds": seconds, "rssMb": rss / 1024, "code": code}))',
  ].join('\n');
  const out = execFileSync(python, ['-c', wrapper, ...command], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out);
}

function countTiffs(dir) {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) n += countTiffs(path.join(dir, entry.name));
    else if (/\.(tiff?|btf|lsm)$/i.test(entry.name)) n++;
  }
  return n;
}

function ensureCorpus() {
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8'));
  rmSync(corpus, { recursive: true, force: true });
  const { bavail, bsize } = statfsSync(root);
  const big = bavail * bsize > 4 * 1024 ** 3;
  console.log(`writing the corpus into ${corpus}${big ? ' (with a 1.1 GB BigTIFF)' : ' (no room for the 1.1 GB BigTIFF)'} ...`);
  execFileSync(python, [path.join(root, 'test/bench/make-corpus.py'), corpus, ...(big ? ['--big'] : [])], { stdio: 'inherit' });
  const info = { big, files: countTiffs(corpus) };
  writeFileSync(marker, JSON.stringify(info));
  return info;
}

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
  const readers = {
    acqmeta: [process.execPath, 'bin/acqmeta.cjs', 'scan', dir, '--json'],
    tifffile: [python, 'test/bench/read-tifffile.py', dir],
  };
  checkCli(dir, files);
  const result = { label, files };
  for (const [name, command] of Object.entries(readers)) {
    measure(command); // warm-up: page cache, disk metadata
    const runs = Array.from({ length: RUNS }, () => measure(command));
    if (runs.some((run) => run.code !== 0)) throw new Error(`${name} failed on ${dir}`);
    const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    result[name] = { filesPerSecond: files / best.seconds, seconds: best.seconds, rssMb: Math.max(...runs.map((r) => r.rssMb)) };
  }
  return result;
}

function table(results) {
  const lines = [
    '| corpus | files | acqmeta scan (files/s) | tifffile (files/s) | ratio | acqmeta peak RSS | tifffile peak RSS |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.label} | ${r.files.toLocaleString('en-US')} | ${Math.round(r.acqmeta.filesPerSecond).toLocaleString('en-US')} ` +
        `| ${Math.round(r.tifffile.filesPerSecond).toLocaleString('en-US')} | ${(r.acqmeta.filesPerSecond / r.tifffile.filesPerSecond).toFixed(2)}x ` +
        `| ${Math.round(r.acqmeta.rssMb)} MB | ${Math.round(r.tifffile.rssMb)} MB |`,
    );
  }
  return lines.join('\n');
}

function machine() {
  const tifffile = execFileSync(python, ['-c', 'import tifffile; print(tifffile.__version__)'], { encoding: 'utf8' }).trim();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.availableParallelism()} cores (${cpu}), ${Math.round(os.totalmem() / 1024 ** 3)} GB RAM, ${os.type()} ${os.release()}, Node ${process.versions.node}, tifffile ${tifffile}`;
}

execFileSync(process.execPath, [path.join(root, 'build/scripts/build.mjs'), '--node-only'], { cwd: root, stdio: 'inherit' });
const info = ensureCorpus();
const small = countTiffs(path.join(corpus, 'small'));
const multi = countTiffs(path.join(corpus, 'multi'));
const results = [
  bench(`${small.toLocaleString('en-US')} single-page files of nine kinds`, path.join(corpus, 'small'), small),
  bench(`160 stacks of 200 pages, 10 files of 1,000 pages${info.big ? ', a 1.1 GB BigTIFF' : ''}`, path.join(corpus, 'multi'), multi),
  bench('all of the above in one folder', corpus, info.files),
];
const text = table(results);
console.log(`\n${text}\n`);
writeFileSync(
  path.join(root, 'test/bench/RESULTS.md'),
  `# Header benchmark\n\n\`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine()}.\n\n` +
    'Warm page cache, best of three runs, whole process (start-up included). acqmeta: ' +
    '`node bin/acqmeta.cjs scan <corpus> --json > /dev/null` (reads headers and looks for sidecars). ' +
    'tifffile: `test/bench/read-tifffile.py`, which reads `series[0]` shape, axes and dtype and the number of ' +
    'series of every file, as CloudScope does. Peak RSS from getrusage of the child process (worker threads included).\n\n' +
    `${text}\n`,
);
console.log('written to test/bench/RESULTS.md');
