// Bulk writes: one field set in 4,320 existing sidecars by `acqmeta set` and by the app's save
// path (`saveSidecars` through browser mode), beside Python loops doing json.load / json.dump
// per file, atomically (temp file, fsync, rename) and in place, on the same files in one run;
// with `--against <rev>`, that commit's `acqmeta set` too, in the same turns.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { acqmetaOf, againstBase, builds, pairedRatios, ratioText } from '../against.mjs';
import { SAVE_BATCH, startBackendSaver } from '../backend-saver.mjs';
import { ensureSidecarCorpus, int, markdownTable, measure, median, python as pythonPath, root } from '../bench-kit.mjs';

const FOLDERS = 12;
const PER_FOLDER = 360;
const FILES = FOLDERS * PER_FOLDER;
const RUNS = 5;
/** `acqmeta set` against the Python atomic loop (issue 81), and the app's save path. */
const TARGET = { set: 2, app: 1.5 };
const dir = path.join(root, 'bench-corpus-writes');

let serial = 0;
/** A new value of fixed length, so every run rewrites every file with the same size. */
function nextValue() {
  serial += 1;
  return `run-${String(serial).padStart(4, '0')}`;
}

/** Checks that every sidecar now holds `value` (the run really wrote all files). */
function checkWritten(value) {
  const probe = readFileSync(path.join(dir, 'animal-11', 'cell-0359.tif.json'), 'utf8');
  if (!probe.includes(`"species": "${value}"`)) throw new Error(`the last sidecar does not hold species ${value}`);
}

/**
 * Puts on the disk what the last writer left in memory (the plain loop's in-place writes, the
 * Python loop's renames, which it never syncs), so that no writer's time includes another's
 * write-back: each starts from the same state.
 */
function settle() {
  execFileSync('sync');
}

/** `command(value)` is a command, or a command and its options; returns its wall and CPU seconds. */
function wholeProcess(command) {
  const value = nextValue();
  const made = command(value);
  const [argv, options] = typeof made[0] === 'string' ? [made, {}] : made;
  settle();
  const run = measure(argv, options);
  if (run.code !== 0) throw new Error(`failed (exit ${run.code}): ${argv.join(' ')}`);
  checkWritten(value);
  return run;
}

async function backendRun(saver) {
  await saver.resume();
  const value = nextValue();
  settle();
  const seconds = await saver.save('species', value);
  checkWritten(value);
  await saver.park();
  return seconds;
}

/** The bulk-write suite. */
export const suite = {
  name: 'writes',
  title: 'Bulk writes against Python loops',
  against: true,
  /** Browser mode serves the built renderer: it is built first. */
  renderer: true,
  async run() {
    ensureSidecarCorpus(dir, FOLDERS, PER_FOLDER);
    // Every run starts from an empty journal: the corpus is kept between runs, and its journal
    // grew by some 100,000 records a run, which an open reads whole.
    rmSync(path.join(dir, '.acqmeta'), { recursive: true, force: true });
    const [here, base] = builds();
    const times = { atomic: [], plain: [], set: [], base: [], backend: [] };
    const cpu = { set: [], base: [] };
    // The app saves with the folder open and scanned; it is parked on an empty folder while
    // the others write, so that it does not read their changes meanwhile.
    const saver = await startBackendSaver(dir);
    await saver.park();
    try {
      // Interleaved rounds, so that a busy moment of the machine hits every contender alike; the
      // order turns by one each round, so that no writer always follows the same one.
      const python = (mode) => ({
        name: mode,
        run: () => wholeProcess((v) => [pythonPath, 'test/bench/write-loop.py', dir, 'species', v, mode]),
      });
      const acqmeta = (name, build) => ({
        name,
        run: () => wholeProcess((v) => acqmetaOf(build, ['set', dir, '--set', `species=${v}`])),
      });
      const contenders = [
        python('atomic'),
        python('plain'),
        acqmeta('set', here),
        ...(base ? [acqmeta('base', base)] : []),
      ];
      for (let round = 0; round <= RUNS; round++) {
        for (let i = 0; i < contenders.length; i++) {
          const { name, run } = contenders[(i + round) % contenders.length];
          const measured = run();
          times[name].push(measured.seconds);
          if (name in cpu) cpu[name].push(measured.cpuSeconds);
        }
        times.backend.push(await backendRun(saver));
      }
    } finally {
      saver.close();
    }
    // The first round warms the page cache and is left out; each figure is taken per round.
    const counted = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, v.slice(1)]));
    const asFast = (seconds) => pairedRatios(counted.atomic, seconds);
    const row = (label, seconds, target) => [
      label,
      `${median(seconds).toFixed(2)} s`,
      int(FILES / median(seconds)),
      ratioText(asFast(seconds)),
      target,
    ];
    const rows = [
      row('`acqmeta set` (atomic, durable)', counted.set, `≥ ${TARGET.set}×`),
      row(
        `app save path: \`saveSidecars\` in batches of ${SAVE_BATCH}, one request ahead (atomic, durable)`,
        counted.backend,
        `≥ ${TARGET.app}×`,
      ),
      row('Python loop, atomic (temp file, fsync, rename)', counted.atomic, 'reference'),
      row('Python loop, plain (write in place, no fsync)', counted.plain, '—'),
    ];
    if (base) {
      const figure = `\`acqmeta set\` of ${int(FILES)} sidecars`;
      rows.splice(1, 0, row(`\`acqmeta set\` of ${base.label}`, counted.base, '—'));
      rows.push([
        `${figure}: this tree against ${base.label}, per round`,
        '',
        '',
        againstBase(figure, counted.set, counted.base),
        'no slower',
      ]);
      rows.push([
        `CPU of \`acqmeta set\` (all threads): this tree against ${base.label}, per round`,
        '',
        '',
        `${ratioText(pairedRatios(cpu.set.slice(1), cpu.base.slice(1)))} the base's`,
        '—',
      ]);
    }
    const table = markdownTable(
      ['writer', 'median time', 'files/s', 'as fast as Python atomic: median (min–max)', 'target'],
      rows,
    );
    const verdict =
      asFast(counted.set).median >= TARGET.set && asFast(counted.backend).median >= TARGET.app
        ? 'Both within target.'
        : 'NOT within target.';
    const about =
      `Species set in ${int(FILES)} existing CloudScope sidecars (2.5 KB each, ${FOLDERS} folders). ${RUNS} interleaved rounds ` +
      "after a warm-up round; each ratio is taken per round (the Python loop's time over the writer's), then its median and spread. `acqmeta set` and the Python loops: whole process (start-up included). App save path: " +
      'the `saveSidecars` calls of one save through browser mode over HTTP, as the renderer sends them, with the folder ' +
      'open, scanned and watched (the app is parked on an empty folder while the others write). Each writer starts after a `sync`, so that none pays for the write-back of the one before, and the order turns by one each round. AcqMeta writes every file through a synced temp file and a rename, many files in flight, and ' +
      'syncs each folder once per batch.';
    const perRound = (label, { ratios }) => `${label}: ${ratios.map((r) => `${r.toFixed(2)}×`).join(', ')}`;
    const rounds = [perRound('`acqmeta set` as fast as the atomic loop, per round', asFast(counted.set))];
    if (base)
      rounds.push(perRound(`its time over ${base.label}'s, per round`, pairedRatios(counted.set, counted.base)));
    return `${about}\n\n${table}\n\n${rounds.join('; ')}.\n\n${verdict}`;
  },
};
