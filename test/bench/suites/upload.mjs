// Uploads built from lab folders of growing size (issue 80: "a lab folder of 50 GB must not need
// 50 GB of memory"): `acqmeta submission` as a whole process, its peak resident memory against
// the folder's size. Copies: htan:imaging-level-2 (every file placed, none converted) of folders
// of 1, 4 and 16 GiB, with hard links refused as across disks (test/bench/no-links.cjs), so
// every byte is streamed, synced and read back. Conversions: hubmap:confocal (the files linked,
// each image converted to a verified OME-TIFF) of 0.5, 1 and 2 GiB. The folders are 256 MiB
// microscope-like TIFF stacks in day folders beside the CZI fixtures, grown in place from one
// size to the next, under the system's temporary folder, and removed at the end.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statfsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { markdownTable, python, root } from '../bench-kit.mjs';

const GIB = 1024 ** 3;
const DIR = path.join(os.tmpdir(), 'acqmeta-bench-upload');
const LAB = path.join(DIR, 'lab');
const STACK = path.join(DIR, 'stack.tif');
/** One stack: 32 planes of 2,048 × 2,048 uint16, 256 MiB. */
const STACK_SHAPE = [32, 2048];
const STACK_BYTES = STACK_SHAPE[0] * STACK_SHAPE[1] ** 2 * 2;
const PER_DAY = 8;
const CZI = path.join(root, 'test/fixtures/formats/czi');
/** What the disk must keep free while the suite fills it. */
const KEEP_FREE = 20 * GIB;
/** Peak resident memory that may not be passed at any size, and the growth allowed from the smallest folder to the largest. */
const RESIDENT_LIMIT_MB = 1024;
const GROWTH_LIMIT = 1.25;

const SERIES = [
  { target: 'htan:imaging-level-2', sizes: [1, 4, 16], copies: true },
  { target: 'hubmap:confocal', sizes: [0.5, 1, 2], copies: false },
];

/** The one stack every file of the folders is a copy of, written once. */
function ensureStack() {
  if (existsSync(STACK) && statSync(STACK).size >= STACK_BYTES) return;
  mkdirSync(DIR, { recursive: true });
  execFileSync(python, [path.join(root, 'test/bench/write-pyramid.py'), '--stack', STACK, ...STACK_SHAPE.map(String)], {
    stdio: 'inherit',
  });
}

/** Bytes of the files under `dir`. */
function bytesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

/** Grows the lab folder to `gib` GiB of stacks (the CZI fixtures beside them); resolves to its files' bytes. */
function growLab(gib) {
  mkdirSync(LAB, { recursive: true });
  for (const name of readdirSync(CZI))
    if (!existsSync(path.join(LAB, name))) copyFileSync(path.join(CZI, name), path.join(LAB, name));
  const stacks = Math.round((gib * GIB) / STACK_BYTES);
  for (let i = 0; i < stacks; i++) {
    const day = path.join(LAB, `day-${String(Math.floor(i / PER_DAY) + 1).padStart(2, '0')}`);
    const file = path.join(day, `stack-${String(i + 1).padStart(3, '0')}.tif`);
    if (existsSync(file)) continue;
    mkdirSync(day, { recursive: true });
    copyFileSync(STACK, file);
  }
  return bytesUnder(LAB);
}

/** Free bytes on the disk of `dir`. */
function free(dir) {
  const { bavail, bsize } = statfsSync(dir);
  return bavail * bsize;
}

/** `acqmeta submission` of the lab folder as a whole process: wall and CPU seconds, peak RSS (MB), exit code, what it said. */
function build(target, upload, copies) {
  const wrapper = [
    'import json, resource, subprocess, sys, time',
    't = time.perf_counter()',
    'run = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)',
    'seconds = time.perf_counter() - t',
    'usage = resource.getrusage(resource.RUSAGE_CHILDREN)',
    'print(json.dumps({"seconds": seconds, "cpuSeconds": usage.ru_utime + usage.ru_stime, "rssMb": usage.ru_maxrss / 1024, "code": run.returncode, "said": run.stderr}))',
  ].join('\n');
  const command = [
    process.execPath,
    ...(copies ? ['--require', path.join(root, 'test/bench/no-links.cjs')] : []),
    'bin/acqmeta.cjs',
    'submission',
    LAB,
    '--to',
    target,
    '-o',
    upload,
  ];
  const result = JSON.parse(execFileSync(python, ['-c', wrapper, ...command], { cwd: root, encoding: 'utf8' }));
  // exit 1: built, with required values left to the lab (no dataset values are given here)
  if (result.code > 1 || !existsSync(upload)) throw new Error(`failed (${result.code}): ${result.said}`);
  return result;
}

/** `3 files copied`, … from the build's last report line. */
const countOf = (said, what) => Number(new RegExp(`(\\d+) files? ${what}`).exec(said)?.[1] ?? 0);

/** Builds each size of one series, the folder grown in place between them; the upload removed after each. */
function runSeries({ target, sizes, copies }) {
  const results = [];
  for (const gib of sizes) {
    const have = existsSync(LAB) ? bytesUnder(LAB) : 0;
    // the folder grown, and an upload as large (copies, or OME-TIFF copies about as large)
    const needed = gib * GIB - have + gib * GIB;
    if (free(os.tmpdir()) - needed < KEEP_FREE) {
      console.log(`${target} ${gib} GiB: skipped, it would leave less than ${KEEP_FREE / GIB} GiB free`);
      continue;
    }
    const folder = growLab(gib);
    const upload = path.join(DIR, 'upload');
    rmSync(upload, { recursive: true, force: true });
    const run = build(target, upload, copies);
    const result = {
      target,
      gib,
      folder,
      upload: bytesUnder(upload),
      copied: countOf(run.said, 'copied'),
      linked: countOf(run.said, 'linked'),
      ...run,
    };
    delete result.said;
    console.log(JSON.stringify(result));
    results.push(result);
    rmSync(upload, { recursive: true, force: true });
  }
  return results;
}

/** The upload suite. */
export const suite = {
  name: 'upload',
  title: 'Uploads built from lab folders of growing size',
  async run() {
    const load = os.loadavg().map((l) => l.toFixed(1));
    ensureStack();
    const results = [];
    try {
      for (const series of SERIES) {
        rmSync(LAB, { recursive: true, force: true });
        results.push(...runSeries(series));
      }
    } finally {
      rmSync(DIR, { recursive: true, force: true });
    }
    const gb = (bytes) => `${(bytes / GIB).toFixed(2)} GiB`;
    const rows = results.map((r) => [
      r.target,
      gb(r.folder),
      `${r.copied} copied, ${r.linked} linked`,
      gb(r.upload),
      `${r.seconds.toFixed(1)} s (${(r.folder / 1e6 / r.seconds).toFixed(0)} MB/s)`,
      `${r.cpuSeconds.toFixed(1)} s`,
      `${Math.round(r.rssMb)} MB`,
    ]);
    const verdict = SERIES.map(({ target }) => {
      const mine = results.filter((r) => r.target === target);
      if (mine.length < 2) return `- ${target}: too few sizes measured to say.`;
      const [first, last] = [mine[0], mine.at(-1)];
      const growth = last.rssMb / first.rssMb;
      const ok = growth <= GROWTH_LIMIT && Math.max(...mine.map((r) => r.rssMb)) < RESIDENT_LIMIT_MB;
      return `- ${target}: peak RSS ${Math.round(first.rssMb)} MB at ${gb(first.folder)}, ${Math.round(last.rssMb)} MB at ${gb(last.folder)} (${growth.toFixed(2)}×; target ≤ ${GROWTH_LIMIT}× and < ${RESIDENT_LIMIT_MB} MB): ${ok ? 'met' : 'NOT MET'}.`;
    });
    return [
      `Load average at the start: ${load.join(' ')}.`,
      '',
      markdownTable(['Target', 'Lab folder', 'Files', 'Upload', 'Wall', 'CPU', 'Peak RSS'], rows),
      '',
      ...verdict,
    ].join('\n');
  },
};
