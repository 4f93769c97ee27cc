// In-place calibration (issue 79): `acqmeta calibrate` writing a pixel size into the header of a
// 1 GiB TIFF, whole process, against copying the same file (`cp`), in turns; medians. The
// command reads the header alone and appends a few hundred bytes: goal at most 0.05× a copy.
import { closeSync, existsSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { markdownTable, measure, median, root } from '../bench-kit.mjs';

const RUNS = 5;
const TARGET = 0.05;
const SIDE = 32768;
const dir = path.join(root, 'bench-corpus-calibrate');
const image = path.join(dir, 'one-gib.tif');
const copy = path.join(dir, 'copy.tif');

/** A classic little-endian TIFF of one 8-bit 32768 × 32768 strip (1 GiB), its IFD after the pixels, 72 dpi. */
function writeImage() {
  const bytes = SIDE * SIDE;
  const fd = openSync(image, 'w');
  try {
    const header = Buffer.alloc(8);
    header.write('II', 0, 'latin1');
    header.writeUInt16LE(42, 2);
    header.writeUInt32LE(8 + bytes, 4);
    writeSync(fd, header);
    const chunk = Buffer.alloc(16 * 1024 * 1024);
    for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 31) & 0xff;
    for (let done = 0; done < bytes; done += chunk.length) writeSync(fd, chunk);
    const entries = [
      [256, 4, SIDE],
      [257, 4, SIDE],
      [258, 3, 8],
      [259, 3, 1],
      [262, 3, 1],
      [273, 4, 8],
      [277, 3, 1],
      [278, 4, SIDE],
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

/** The calibrate suite. */
export const suite = {
  name: 'calibrate',
  title: 'Calibration written in place into a 1 GiB TIFF, against a copy',
  async run() {
    if (!existsSync(image)) {
      rmSync(dir, { recursive: true, force: true });
      measure(['mkdir', '-p', dir]);
      writeImage();
    }
    const calibrate = [];
    const copies = [];
    for (let round = 0; round <= RUNS; round++) {
      const size = `0.${100 + round}${Date.now() % 1000}`;
      const run = measure([process.execPath, 'bin/acqmeta.cjs', 'calibrate', image, '--pixel-size', size]);
      if (run.code !== 0) throw new Error(`acqmeta calibrate failed (exit ${run.code})`);
      const copied = measure(['cp', image, copy]);
      rmSync(copy, { force: true });
      // the first round warms the page cache and is left out
      if (round > 0) {
        calibrate.push(run.seconds);
        copies.push(copied.seconds);
      }
    }
    const ratio = median(calibrate) / median(copies);
    const table = markdownTable(
      ['figure', 'measured', 'target'],
      [
        [
          '`acqmeta calibrate --pixel-size` on a 1 GiB TIFF / `cp` of it',
          `${median(calibrate).toFixed(2)} s / ${median(copies).toFixed(2)} s: ${ratio.toFixed(3)}×${ratio > TARGET ? ' (**over**)' : ''}`,
          `≤ ${TARGET}×`,
        ],
      ],
    );
    const about =
      `One 8-bit 32768 × 32768 strip (1 GiB, 72 dpi) calibrated by \`acqmeta calibrate\` (whole process: start-up, sidecar ` +
      `write, journal record, header appended and re-linked, read back), a new size each round, and copied with \`cp\`, ` +
      `in turns, ${RUNS} rounds after a warm-up round; medians.`;
    return `${about}\n\n${table}\n\nRuns (s): calibrate ${calibrate.map((s) => s.toFixed(2)).join(', ')}; cp ${copies.map((s) => s.toFixed(2)).join(', ')}.`;
  },
};
