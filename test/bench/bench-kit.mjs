// Shared pieces of the benchmark suites: paths, the whole-process timer, the corpus, a table.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** The repository root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where generated corpora live (gitignored). */
export const corpus = path.join(root, 'bench-corpus');
/** Debian's Python, which has tifffile and numpy after `install-test-deps.sh bench`. */
export const python = '/usr/bin/python3';

/** Runs a command with stdout discarded; returns wall seconds, CPU seconds (user + system), peak RSS (MB) and exit code. */
export function measure(command, options = {}) {
  const wrapper = [
    'import json, resource, subprocess, sys, time',
    't = time.perf_counter()',
    'code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode',
    'seconds = time.perf_counter() - t',
    'usage = resource.getrusage(resource.RUSAGE_CHILDREN)',
    'print(json.dumps({"seconds": seconds, "cpuSeconds": usage.ru_utime + usage.ru_stime, "rssMb": usage.ru_maxrss / 1024, "code": code}))',
  ].join('\n');
  const out = execFileSync(python, ['-c', wrapper, ...command], { cwd: root, encoding: 'utf8', ...options });
  return JSON.parse(out);
}

/** Best (fastest) of `runs` measurements after one warm-up; throws when a run fails. */
export function bestOf(runs, command, options = {}) {
  measure(command, options);
  const all = Array.from({ length: runs }, () => measure(command, options));
  if (all.some((run) => run.code !== 0)) throw new Error(`failed: ${command.join(' ')}`);
  const best = all.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return { ...best, rssMb: Math.max(...all.map((r) => r.rssMb)) };
}

/**
 * `runs` measurements of each command (`[command, options]` pairs), taken in turns (A B A B ...)
 * after one warm-up each, so that a change in the machine's load hits all alike; throws when a run fails.
 */
export function inTurns(runs, commands) {
  for (const [command, options] of commands) measure(command, options);
  const all = commands.map(() => []);
  for (let run = 0; run < runs; run++)
    commands.forEach(([command, options], i) => all[i].push(measure(command, options)));
  all.forEach((measured, i) => {
    if (measured.some((m) => m.code !== 0)) throw new Error(`failed: ${commands[i][0].join(' ')}`);
  });
  return all;
}

/** Best of `runs` measurements of each command, taken in turns (see {@link inTurns}); peak RSS of all runs. */
export function bestOfEach(runs, commands) {
  return inTurns(runs, commands).map((measured) => {
    const best = measured.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    return { ...best, rssMb: Math.max(...measured.map((m) => m.rssMb)) };
  });
}

/**
 * Median wall and CPU seconds of `runs` measurements of each command, taken in turns (see
 * {@link inTurns}), with every run's wall seconds (`runs`) and the peak RSS of all runs.
 */
export function medianOfEach(runs, commands) {
  return inTurns(runs, commands).map((measured) => ({
    seconds: median(measured.map((m) => m.seconds)),
    cpuSeconds: median(measured.map((m) => m.cpuSeconds)),
    rssMb: Math.max(...measured.map((m) => m.rssMb)),
    runs: measured.map((m) => m.seconds),
  }));
}

/** The TIFF files under `dir` (paths), folder by folder. */
export function listTiffs(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) files.push(...listTiffs(path.join(dir, entry.name)));
    else if (/\.(tiff?|btf|lsm)$/i.test(entry.name)) files.push(path.join(dir, entry.name));
  }
  return files;
}

/** Number of TIFF files under `dir`. */
export function countTiffs(dir) {
  return listTiffs(dir).length;
}

/** The rows (parsed JSON lines) of one `acqmeta scan <dir> --json --no-cache`; `env` for the process. */
export function scanRows(dir, env = process.env) {
  const result = spawnSync(process.execPath, ['bin/acqmeta.cjs', 'scan', dir, '--json', '--no-cache'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env,
  });
  return result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

/** The mixed header corpus (`bench-corpus/small`, `bench-corpus/multi`), written once. */
export function ensureCorpus() {
  const marker = path.join(corpus, '.complete-v2.json');
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8'));
  rmSync(corpus, { recursive: true, force: true });
  const { bavail, bsize } = statfsSync(root);
  const big = bavail * bsize > 4 * 1024 ** 3;
  console.log(
    `writing the corpus into ${corpus}${big ? ' (with a 1.1 GB BigTIFF)' : ' (no room for the 1.1 GB BigTIFF)'} ...`,
  );
  execFileSync(python, [path.join(root, 'test/bench/make-corpus.py'), corpus, ...(big ? ['--big'] : [])], {
    stdio: 'inherit',
  });
  const info = { big, files: countTiffs(corpus) };
  writeFileSync(marker, JSON.stringify(info));
  return info;
}

/** A Markdown table from a header row and body rows. */
export function markdownTable(header, rows, align = header.map((_, i) => (i === 0 ? '---' : '---:'))) {
  return [`| ${header.join(' | ')} |`, `|${align.join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** `1,234` */
export function int(n) {
  return Math.round(n).toLocaleString('en-US');
}

/** The machine, for the results header. */
export function machine() {
  let tifffile = 'not installed';
  try {
    tifffile = execFileSync(python, ['-c', 'import tifffile; print(tifffile.__version__)'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    // reported as "not installed"
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.availableParallelism()} cores (${cpu}), ${Math.round(os.totalmem() / 1024 ** 3)} GB RAM, ${os.type()} ${os.release()}, Node ${process.versions.node}, tifffile ${tifffile}`;
}

/** Imports the project's own TypeScript: `exports` are export lines, paths from the repository root, bundled for Node. */
export async function importSource(exports) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'acqmeta-bench-source-'));
  const outfile = path.join(dir, 'source.mjs');
  try {
    await build({
      stdin: { contents: exports.join('\n'), resolveDir: root, loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile,
      logLevel: 'warning',
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The middle value of `values` (the upper of the two middle ones for an even count). */
export function median(values) {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/** Makes `to` a hard link to `from`, or a copy where a link cannot be made (another file system). */
export function linkOrCopy(from, to) {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * A byte source (shared/tiff's `ByteSource`) over a file read whole into memory, named `name`,
 * which counts the bytes (`bytesRead`) and reads (`reads`) asked of it.
 */
export function memorySource(file, name = path.basename(file)) {
  const buffer = readFileSync(file);
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
  const source = {
    name,
    size: bytes.length,
    bytesRead: 0,
    reads: 0,
    read(offset, length) {
      if (offset < 0 || length < 0 || offset + length > bytes.length) throw new Error('read past the end');
      source.bytesRead += length;
      source.reads += 1;
      return bytes.subarray(offset, offset + length);
    },
  };
  return source;
}

/**
 * Writes, once, `folders` folders `animal-NN/` of `perFolder` tiny TIFFs `cell-NNNN.tif`, each
 * with a copy of the CloudScope sidecar `test/fixtures/sidecars/canonical.tif.json` (analysis,
 * NaN, ROIs): the corpus of the bulk-write suites. Returns the last sidecar's path.
 */
export function ensureSidecarCorpus(dir, folders, perFolder) {
  const marker = path.join(dir, '.complete-v1');
  const name = (f, i) =>
    path.join(dir, `animal-${String(f).padStart(2, '0')}`, `cell-${String(i).padStart(4, '0')}.tif`);
  const last = `${name(folders - 1, perFolder - 1)}.json`;
  if (existsSync(marker)) return last;
  rmSync(dir, { recursive: true, force: true });
  const tiff = path.join(root, 'test/fixtures/tiff/generated/imagej-2ch-u16.tif');
  const sidecar = readFileSync(path.join(root, 'test/fixtures/sidecars/canonical.tif.json'));
  for (let f = 0; f < folders; f++) {
    mkdirSync(path.dirname(name(f, 0)), { recursive: true });
    for (let i = 0; i < perFolder; i++) {
      copyFileSync(tiff, name(f, i));
      writeFileSync(`${name(f, i)}.json`, sidecar);
    }
  }
  writeFileSync(marker, '');
  return last;
}
