// In-place calibration (issue 79): `acqmeta calibrate` writing a pixel size into the header of a
// 1 GiB TIFF and of a 64 MiB one, beside the command line's own start-up and copies of the same
// file, all in turns. The command reads the header alone and appends a few hundred bytes: its
// time beyond start-up is to be at most 0.05× a copy's, and the same whatever the file's size.
// With `--against <rev>`, that commit's calibrate and start-up too, in the same turns. This
// tree's command also reports its own time from its arguments parsed to its exit
// (`ACQMETA_CALIBRATE_TIMES`): the goal's figure without the noise of two whole processes.
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acqmetaOf, againstBase, builds } from '../against.mjs';
import { markdownTable, measure, median, root } from '../bench-kit.mjs';

const PAIRS = 9;
const TARGET = 0.05;
const dir = path.join(root, 'bench-corpus-calibrate');
/**
 * Each image in a folder of its own, so that each has a journal of its own; the base build
 * calibrates a copy of it in another folder, so that each build's runs follow its own last write,
 * as a person's next calibrate does (a write by the other build is an outside change to it).
 */
const IMAGES = [
  { label: '1 GiB', side: 32768, name: 'one-gib' },
  { label: '64 MiB', side: 8192, name: 'sixty-four-mib' },
].map((image) => ({
  ...image,
  file: path.join(dir, image.name, `${image.name}.tif`),
  baseFile: path.join(dir, `${image.name}-base`, `${image.name}.tif`),
}));

/** A classic little-endian TIFF of one 8-bit side × side strip, its IFD after the pixels, 72 dpi. */
function writeImage(file, side) {
  const bytes = side * side;
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  try {
    const header = Buffer.alloc(8);
    header.write('II', 0, 'latin1');
    header.writeUInt16LE(42, 2);
    header.writeUInt32LE(8 + bytes, 4);
    writeSync(fd, header);
    const chunk = Buffer.alloc(Math.min(bytes, 16 * 1024 * 1024));
    for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 31) & 0xff;
    for (let done = 0; done < bytes; done += chunk.length) writeSync(fd, chunk);
    const entries = [
      [256, 4, side],
      [257, 4, side],
      [258, 3, 8],
      [259, 3, 1],
      [262, 3, 1],
      [273, 4, 8],
      [277, 3, 1],
      [278, 4, side],
      [279, 4, bytes],
      [282, 5, 0],
      [283, 5, 0],
      [296, 3, 2],
    ];
    const ifd = Buffer.alloc(2 + entries.length * 12 + 4 + 16);
    const rational = 8 + bytes + 2 + entries.length * 12 + 4;
    ifd.writeUInt16LE(entries.length, 0);
    entries.forEach(([code, type, value], i) => {
      const at = 2 + i * 12;
      ifd.writeUInt16LE(code, at);
      ifd.writeUInt16LE(type, at + 2);
      ifd.writeUInt32LE(1, at + 4);
      if (type === 5) ifd.writeUInt32LE(rational + (code === 283 ? 8 : 0), at + 8);
      else if (type === 3) ifd.writeUInt16LE(value, at + 8);
      else ifd.writeUInt32LE(value, at + 8);
    });
    const local = 2 + entries.length * 12 + 4;
    for (const at of [local, local + 8]) {
      ifd.writeUInt32LE(72, at);
      ifd.writeUInt32LE(1, at + 4);
    }
    writeSync(fd, ifd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The image written once, and its copy for the base; their sidecars and journals removed, so
 * that every run starts from the same history.
 */
function prepare({ file, baseFile, side }) {
  if (!existsSync(file)) {
    rmSync(path.dirname(file), { recursive: true, force: true });
    writeImage(file, side);
  }
  if (!existsSync(baseFile)) {
    mkdirSync(path.dirname(baseFile), { recursive: true });
    copyFileSync(file, baseFile);
  }
  for (const kept of [file, baseFile])
    for (const name of readdirSync(path.dirname(kept)))
      if (name !== path.basename(kept)) rmSync(path.join(path.dirname(kept), name), { recursive: true, force: true });
}

/** `acqmeta <args>` of `build`, measured. */
const run = (build, args) => measure(...acqmetaOf(build, args));

/** Where the command writes its own time (see electron/cli/calibrate-timing.ts). */
const TIMES = path.join(dir, 'times.jsonl');

/** `acqmeta <args>` of this tree, measured, with the time the command reports for itself (`own`: ms, cpuMs). */
function runTimed(build, args) {
  rmSync(TIMES, { force: true });
  const [command, options] = acqmetaOf(build, args);
  const measured = measure(command, { ...options, env: { ...options.env, ACQMETA_CALIBRATE_TIMES: TIMES } });
  return { ...measured, own: JSON.parse(readFileSync(TIMES, 'utf8')) };
}

/**
 * One round for one image: calibrate and start-up (the base's too, first in every other turn:
 * the build run first follows the previous round's copies and their removal, whose disk work
 * slows its syncs), copy, durable copy; throws when one fails.
 */
function round({ file, baseFile }, size, [here, base], turn) {
  const copy = path.join(dir, 'copy.tif');
  const ofHere = () => ({
    calibrate: runTimed(here, ['calibrate', file, '--pixel-size', size]),
    startUp: run(here, ['calibrate', '--help']),
  });
  const ofBase = () => ({
    baseCalibrate: run(base, ['calibrate', baseFile, '--pixel-size', `${size}1`]),
    baseStartUp: run(base, ['calibrate', '--help']),
  });
  const runs =
    base === undefined ? ofHere() : turn % 2 === 0 ? { ...ofHere(), ...ofBase() } : { ...ofBase(), ...ofHere() };
  runs.copy = measure(['cp', file, copy]);
  rmSync(copy, { force: true });
  runs.durable = measure(['sh', '-c', 'cp "$0" "$1" && sync "$1"', file, copy]);
  rmSync(copy, { force: true });
  for (const [name, run] of Object.entries(runs))
    if (run.code !== 0) throw new Error(`${name} failed (exit ${run.code})`);
  return runs;
}

const ms = (seconds) => `${Math.round(seconds * 1000)}`;
/** `median (min–max)` in ms. */
const spread = (values) => `${ms(median(values))} (${ms(Math.min(...values))}–${ms(Math.max(...values))})`;
const ratio = (value, target) => `${value.toFixed(3)}×${target !== undefined && value > target ? ' (**over**)' : ''}`;
/** The ratios `a[i] / b[i]` of one turn each, as `median (least–most)`, marked over `TARGET` by the median. */
function perTurn(a, b) {
  const ratios = a.map((value, i) => value / b[i]);
  const mid = median(ratios);
  const text = `${mid.toFixed(3)}× (${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)})`;
  return mid > TARGET ? `${text} (**over**)` : text;
}
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(', ');

/** The calibrate suite. */
export const suite = {
  name: 'calibrate',
  title: 'Calibration written in place, against start-up and a copy',
  against: true,
  async run() {
    const both = builds();
    const base = both[1];
    IMAGES.forEach(prepare);
    const loadBefore = load();
    const taken = IMAGES.map(() => []);
    // round 0 warms the page cache and creates the sidecars; it is left out
    for (let turn = 0; turn <= PAIRS; turn++)
      IMAGES.forEach((image, i) => {
        const runs = round(image, `0.${1000 + turn * 10 + i}${Date.now() % 1000}`, both, turn);
        if (turn > 0) taken[i].push(runs);
      });
    const figures = taken.map((runs) => {
      const of = (name, key = 'seconds') => runs.map((r) => r[name][key]);
      const beyond = runs.map((r) => r.calibrate.seconds - r.startUp.seconds);
      const own = runs.map((r) => r.calibrate.own.ms / 1000);
      const ownCpu = runs.map((r) => r.calibrate.own.cpuMs / 1000);
      const cpuBeyond = runs.map((r) => r.calibrate.cpuSeconds - r.startUp.cpuSeconds);
      const baseBeyond = runs.map((r) => r.baseCalibrate?.seconds - r.baseStartUp?.seconds);
      const baseCpuBeyond = runs.map((r) => r.baseCalibrate?.cpuSeconds - r.baseStartUp?.cpuSeconds);
      return { of, beyond, own, ownCpu, cpuBeyond, baseBeyond, baseCpuBeyond };
    });
    const ratios = markdownTable(
      ['figure (medians)', ...IMAGES.map((i) => i.label), 'target'],
      [
        [
          'calibrate itself (arguments parsed → exit) / `cp`, per turn',
          ...figures.map((f) => perTurn(f.own, f.of('copy'))),
          `≤ ${TARGET}×`,
        ],
        [
          'calibrate itself / `cp` + `sync`, per turn',
          ...figures.map((f) => perTurn(f.own, f.of('durable'))),
          `≤ ${TARGET}×`,
        ],
        [
          '(calibrate − start-up) / `cp`',
          ...figures.map((f) => ratio(median(f.beyond) / median(f.of('copy')), TARGET)),
          `≤ ${TARGET}×`,
        ],
        [
          '(calibrate − start-up) / `cp` + `sync`',
          ...figures.map((f) => ratio(median(f.beyond) / median(f.of('durable')), TARGET)),
          `≤ ${TARGET}×`,
        ],
        ...(base === undefined
          ? []
          : [
              [
                `(calibrate − start-up) / \`cp\`, ${base.label}`,
                ...figures.map((f) => ratio(median(f.baseBeyond) / median(f.of('copy')), TARGET)),
                `≤ ${TARGET}×`,
              ],
              [
                `calibrate, whole process: this tree / ${base.label}, per turn`,
                ...figures.map((f) =>
                  againstBase(`calibrate (${base.label})`, f.of('calibrate'), f.of('baseCalibrate')),
                ),
                '—',
              ],
            ]),
        [
          'calibrate / `cp` (whole processes)',
          ...figures.map((f) => ratio(median(f.of('calibrate')) / median(f.of('copy')))),
          '—',
        ],
      ],
    );
    const times = markdownTable(
      ['ms: median (min–max)', ...IMAGES.map((i) => i.label)],
      [
        ['`acqmeta calibrate --pixel-size` (whole process)', ...figures.map((f) => spread(f.of('calibrate')))],
        ['start-up: `acqmeta calibrate --help`', ...figures.map((f) => spread(f.of('startUp')))],
        ['calibrate itself, as it reports (arguments parsed → exit)', ...figures.map((f) => spread(f.own))],
        ['CPU time (all threads), calibrate itself', ...figures.map((f) => spread(f.ownCpu))],
        ['calibrate − start-up, each turn', ...figures.map((f) => spread(f.beyond))],
        ['CPU time (all threads): calibrate − start-up', ...figures.map((f) => spread(f.cpuBeyond))],
        ...(base === undefined
          ? []
          : [
              [`${base.label}: calibrate − start-up, each turn`, ...figures.map((f) => spread(f.baseBeyond))],
              [
                `${base.label}: CPU time (all threads), calibrate − start-up`,
                ...figures.map((f) => spread(f.baseCpuBeyond)),
              ],
            ]),
        ['`cp` (from the page cache)', ...figures.map((f) => spread(f.of('copy')))],
        ['`cp` + `sync` of the copy (durable)', ...figures.map((f) => spread(f.of('durable')))],
      ],
    );
    const about =
      `One 8-bit strip per file (32768 × 32768: 1 GiB; 8192 × 8192: 64 MiB; 72 dpi), each in a folder of its own whose ` +
      `sidecar and journal are removed first (the base calibrates a copy in a folder of its own). In turns, for each file: \`acqmeta calibrate --pixel-size\` (a new size each ` +
      `time: sidecar saved, journal record, header appended and re-linked, read back; this tree's also reporting its own time from its arguments parsed to its exit), the command line's start-up ` +
      `(\`acqmeta calibrate --help\`), \`cp\` of the file and \`cp\` followed by \`sync\` of the copy; ${PAIRS} turns after a ` +
      `warm-up turn; medians${base === undefined ? '' : `; ${base.label}'s calibrate (another size) and start-up in the same turns, first in every other turn`}. "Calibrate − start-up" is taken turn by turn. Load average before: ${loadBefore}; after: ${load()} ` +
      `(1, 5, 15 min).`;
    return `${ratios}\n\n${times}\n\n${about}`;
  },
};
