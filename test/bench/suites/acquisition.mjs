// Acquisition metadata cost: a 10,000-image lab folder (OME-TIFF, ImageJ hyperstacks, ScanImage,
// LSM, Micro-Manager, camera exports, plain TIFFs) scanned whole process with the acquisition
// metadata read and with it left unread (ACQMETA_SKIP_ACQUISITION=1), in turns; medians. The
// same folder twice over (20,000 files) splits that cost into the reader's warm-up in a fresh
// process and what each file costs once its code is warm. The
// header scan's 10,000 single-page files, which carry little acquisition metadata, for comparison.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  corpus,
  countTiffs,
  ensureCorpus,
  importSource,
  int,
  linkOrCopy,
  listTiffs,
  markdownTable,
  median,
  medianOfEach,
  memorySource,
  python,
  root,
  scanRows,
} from '../bench-kit.mjs';

const RUNS = 9;
/** Rounds of the in-process reader timing (after one not counted). */
const READER_ROUNDS = 5;
/** The lab folder in both geometries: small planes (the worst case) and a microscope's sizes. */
export const LABS = {
  small: { dir: path.join(root, 'bench-corpus-acquisition'), args: [] },
  microscope: { dir: path.join(root, 'bench-corpus-acquisition-real'), args: ['--real'] },
};
/** The file that marks a lab folder as written whole (with its counts of kinds). */
const LAB_MARKER = '.complete-v2.json';
const { ACQMETA_SKIP_ACQUISITION: _ignored, ...readEnv } = process.env;
const skipEnv = { ...readEnv, ACQMETA_SKIP_ACQUISITION: '1' };

/** A lab folder of `make-corpus.py --lab` (`LABS.small` or `LABS.microscope`), written once. */
export function ensureLabCorpus({ dir, args }) {
  const marker = path.join(dir, LAB_MARKER);
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  console.log(`writing the lab corpus into ${dir} ...`);
  const out = execFileSync(python, [path.join(root, 'test/bench/make-corpus.py'), '--lab', dir, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const info = { files: countTiffs(dir), kinds: JSON.parse(out.trim().split('\n').pop()) };
  writeFileSync(marker, JSON.stringify(info));
  return info;
}

/**
 * `dir`'s images twice over, as hard links under `first/` and `second/` of `<dir>-twice`: one scan
 * of it reads each file twice, the second time with the reader's code warm. Made again when
 * `dir` was written after it.
 */
function ensureTwice(dir) {
  const twice = `${dir}-twice`;
  const marker = path.join(twice, '.complete.json');
  const written = statSync(path.join(dir, LAB_MARKER)).mtimeMs;
  if (existsSync(marker) && JSON.parse(readFileSync(marker, 'utf8')).written === written) return twice;
  rmSync(twice, { recursive: true, force: true });
  for (const copy of ['first', 'second'])
    for (const file of listTiffs(dir)) {
      const to = path.join(twice, copy, path.relative(dir, file));
      mkdirSync(path.dirname(to), { recursive: true });
      linkOrCopy(file, to);
    }
  writeFileSync(marker, JSON.stringify({ written }));
  return twice;
}

/** The command that scans `dir`. */
function scanCommand(dir) {
  return [process.execPath, 'bin/acqmeta.cjs', 'scan', dir, '--json', '--no-cache'];
}

/**
 * Checks that both scans of `dir` read every file without an error, that the skipped one reports
 * no acquisition; returns how many rows have one, by flavour, and with problems.
 */
function checkRows(dir, files) {
  const read = scanRows(dir, readEnv);
  const skipped = scanRows(dir, skipEnv);
  for (const rows of [read, skipped]) {
    const bad = rows.filter((row) => row.header === null || row.errors.length > 0);
    if (rows.length !== files || bad.length > 0)
      throw new Error(`acqmeta scan read ${rows.length} of ${files} files, ${bad.length} with errors`);
  }
  if (skipped.some((row) => row.acquisition !== null))
    throw new Error('ACQMETA_SKIP_ACQUISITION=1 did not leave the acquisition unread');
  const withAcquisition = read.filter((row) => row.acquisition !== null);
  const flavours = {};
  for (const row of withAcquisition)
    for (const flavour of row.acquisition.sources) flavours[flavour] = (flavours[flavour] ?? 0) + 1;
  const problems = withAcquisition.filter((row) => (row.acquisition.problems ?? []).length > 0).length;
  const tally = Object.entries(flavours)
    .sort((a, b) => b[1] - a[1])
    .map(([flavour, n]) => `${flavour} ${int(n)}`)
    .join(', ');
  return `${int(withAcquisition.length)} with an acquisition (${tally}; ${int(problems)} with problems)`;
}

/**
 * µs per header of the TIFF reader alone (the summary the scan worker reads), with and without the
 * acquisition: every tenth file of `dir`, in-process from memory, one thread; medians of rounds in turns.
 */
async function readerCost(readTiffSummary, dir) {
  const sources = listTiffs(dir)
    .filter((_, i) => i % 10 === 0)
    .map((file) => memorySource(file));
  const times = { read: [], skipped: [] };
  for (let round = 0; round <= READER_ROUNDS; round++) {
    for (const [key, acquisition] of [
      ['read', true],
      ['skipped', false],
    ]) {
      const start = performance.now();
      for (const source of sources) await readTiffSummary(source, { fileName: source.name, acquisition });
      if (round > 0) times[key].push((1000 * (performance.now() - start)) / sources.length);
    }
  }
  return { files: sources.length, read: median(times.read), skipped: median(times.skipped) };
}

/** `12.3%` */
function percent(ratio) {
  return `${(100 * ratio).toFixed(1)}%`;
}

/**
 * Median times of the scan of `dir` with the acquisition read and skipped, in turns, and the
 * table row; the TIFF reader alone is timed too when `readTiffSummary` is given.
 */
async function bench(label, dir, files, readTiffSummary) {
  const rows = checkRows(dir, files);
  const [read, skipped] = medianOfEach(RUNS, [
    [scanCommand(dir), { env: readEnv }],
    [scanCommand(dir), { env: skipEnv }],
  ]);
  const overhead = read.seconds / skipped.seconds - 1;
  const paired = median(read.runs.map((seconds, i) => seconds / skipped.runs[i] - 1));
  const runs = read.runs.map((s, i) => `${s.toFixed(3)}/${skipped.runs[i].toFixed(3)}`).join(', ');
  return {
    row: [
      label,
      int(files),
      read.seconds.toFixed(3),
      skipped.seconds.toFixed(3),
      percent(overhead),
      `${skipped.cpuSeconds.toFixed(2)} → ${read.cpuSeconds.toFixed(2)}`,
      percent(read.cpuSeconds / skipped.cpuSeconds - 1),
    ],
    detail:
      `${label}: ${rows}. Runs in turns, read/skipped (s): ${runs}; median of the paired overheads ` +
      `${percent(paired)}; peak RSS ${Math.round(read.rssMb)} MB read, ${Math.round(skipped.rssMb)} MB skipped.` +
      (readTiffSummary === undefined
        ? ''
        : await readerDetail(readTiffSummary, dir, files, read.cpuSeconds - skipped.cpuSeconds)),
  };
}

/** The TIFF reader's own share of `moreCpu`, the CPU seconds the whole scan of `dir` spends more. */
async function readerDetail(readTiffSummary, dir, files, moreCpu) {
  const reader = await readerCost(readTiffSummary, dir);
  const readerCpu = ((reader.read - reader.skipped) * files) / 1e6;
  return (
    ` The TIFF reader alone (in-process, ${int(reader.files)} of the files from memory, one thread): ` +
    `${reader.skipped.toFixed(1)} → ${reader.read.toFixed(1)} µs per header ` +
    `(+${percent(reader.read / reader.skipped - 1)}), ${readerCpu.toFixed(2)} CPU s over all ${int(files)} files ` +
    `of the ${moreCpu.toFixed(2)} s the whole scan spends more.`
  );
}

/**
 * The lab folder's overhead split in two, by scans of it and of it twice over (`twice`) taken in
 * the same turns: what the second reading of each file costs more with the acquisition (its code
 * warm), and the rest of the first reading's overhead, the reader's warm-up in a fresh process.
 * Each figure is the median over the turns of that turn's own four scans; `files` is the lab
 * folder's count.
 */
function warmUpSplit(dir, twice, files) {
  checkRows(twice, 2 * files);
  const commands = [dir, twice].flatMap((folder) => [
    [scanCommand(folder), { env: readEnv }],
    [scanCommand(folder), { env: skipEnv }],
  ]);
  const [onceRead, onceSkipped, twiceRead, twiceSkipped] = medianOfEach(RUNS, commands).map((m) => m.runs);
  const turns = onceRead.map((_, i) => {
    const warmRead = twiceRead[i] - onceRead[i];
    const warmSkipped = twiceSkipped[i] - onceSkipped[i];
    const warmUp = onceRead[i] - onceSkipped[i] - (warmRead - warmSkipped);
    return { warm: warmRead / warmSkipped - 1, warmUp, warmUpShare: warmUp / onceSkipped[i] };
  });
  const warm = median(turns.map((turn) => turn.warm));
  const warmUp = median(turns.map((turn) => turn.warmUp));
  const share = median(turns.map((turn) => turn.warmUpShare));
  return (
    `The lab folder and the lab folder twice over (the same files again, under a second name), ` +
    `${RUNS} turns of four scans: the second reading of each file costs ${percent(warm)} more with the ` +
    `acquisition (its code warm); the rest of the first reading's overhead, ${warmUp.toFixed(3)} s ` +
    `(${percent(share)} of its scan without the acquisition), is the acquisition code warming up in a ` +
    `fresh process (medians over the turns).`
  );
}

/** The acquisition-metadata suite. */
export const suite = {
  name: 'acquisition',
  title: 'Acquisition metadata cost on a 10,000-image scan',
  async run() {
    const lab = ensureLabCorpus(LABS.small);
    const microscope = ensureLabCorpus(LABS.microscope);
    ensureCorpus();
    const small = path.join(corpus, 'small');
    const { readTiffSummary } = await importSource(["export { readTiffSummary } from './shared/tiff';"]);
    const results = [
      await bench('lab folder', LABS.small.dir, lab.files, readTiffSummary),
      await bench("lab folder at a microscope's sizes", LABS.microscope.dir, microscope.files, readTiffSummary),
      await bench('header scan corpus (single pages)', small, countTiffs(small), readTiffSummary),
    ];
    const table = markdownTable(
      [
        '`acqmeta scan --json --no-cache` of',
        'files',
        'acquisition read (s)',
        'skipped (s)',
        'overhead (wall, for information)',
        'CPU s skipped → read',
        'CPU overhead',
      ],
      results.map((r) => r.row),
    );
    const kinds = Object.entries(lab.kinds)
      .map(([kind, n]) => `${kind} ${int(n)}`)
      .join(', ');
    const about =
      `Median of ${RUNS} whole-process runs each, acquisition read and left unread (\`ACQMETA_SKIP_ACQUISITION=1\`, ` +
      'which the scan worker reads), taken in turns after a warm-up run each, warm page cache. The lab folder ' +
      '(`make-corpus.py --lab`) holds 100 sessions of 100 images (64×64 uint16 planes, 1 to 9 pages): ' +
      `${kinds} (ome: OME-TIFF with instrument, objective, lasers, channels and planes; imagej: hyperstacks; ` +
      'si3/si5: ScanImage 3 descriptions and ScanImage 5 Software tags; lsm: CZ_LSMINFO and scan information; ' +
      'mm: the MicroManagerMetadata tag; camera: Software, DateTime, Make, Model, resolution in cm). The same ' +
      "folder at a microscope's sizes (`make-corpus.py --lab --real`): 512×512 planes, OME stacks of 10 to 30 " +
      'slices of 2 or 3 channels, hyperstacks of 20 slices or time points of 2 channels, 30 ScanImage frames, ' +
      'LSM stacks of 20 slices of 2 channels, Micro-Manager stacks of 10 slices of 2 channels: 1 to 90 pages, ' +
      'the pixels written as holes (0.9 GB on disk for 163 GB of images). The lab folder twice over (its ' +
      'files again under a second name, hard links), so that one scan reads each of them a second time with ' +
      'the code warm, splits the overhead, for information. The header ' +
      "scan's 10,000 single-page files of nine kinds (tifffile-written) for comparison. The JSON lines carry " +
      'the acquisition objects, so writing them is part of the cost.';
    const details = [
      ...results.map((r) => r.detail),
      warmUpSplit(LABS.small.dir, ensureTwice(LABS.small.dir), lab.files),
    ];
    return `${about}\n\n${table}\n\n${details.map((detail) => `- ${detail}`).join('\n')}`;
  },
};
