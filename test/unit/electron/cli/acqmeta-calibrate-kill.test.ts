/**
 * Killed mid-write (issue 79): `acqmeta calibrate` is SIGKILLed in ten rounds at points of its
 * header writes chosen at random (its journal record synced, the new header appended, the link
 * switched) and in files chosen at random (seeded: the seed is named on a failure, `KILL_SEED` repeats
 * it), held there by the write gate rather than raced against the clock. Each time every
 * file opens, in AcqMeta's reader and in tifffile, with the old calibration or the new one, and
 * no strip or tile changed; the next run finishes or reverts the write that was cut short.
 */
import { execFile, spawn } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  fstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTiff } from '../../../../shared/tiff';
import { makeTiffs, pixelSegmentsHash, tifffileViews } from './calibrate/tiff-checks';
import { cliForFile } from './support/cli-in-folder';

const ROUNDS = 10;
const POINTS = ['header-journaled', 'header-appended', 'header-linked'] as const;
const FILES = ['plain-72dpi.tif', 'hyperstack.tif', 'ome.ome.tif', 'bigtiff.tif', 'big-endian.tif'];

/** The bundled command line, run without its launcher. */
const built = cliForFile();
let cli: string;
let base: string;
let folder: string;
/** The fixtures as tifffile wrote them. */
let made: string;

beforeAll(async () => {
  cli = built().cliScript;
  base = mkdtempSync(path.join(tmpdir(), 'acqmeta-calibrate-kill-'));
  made = path.join(base, 'made');
  folder = path.join(base, 'images');
  mkdirSync(made);
  mkdirSync(folder);
  makeTiffs(made);
  for (const name of FILES) copyFileSync(path.join(made, name), path.join(folder, name));
});

afterAll(async () => {
  rmSync(base, { recursive: true, force: true });
});

/**
 * Runs `acqmeta calibrate <targets> --pixel-size <size>` (the folder unless given), SIGKILLed once
 * a write reaches `point` (null: run to its end).
 */
function calibrate(
  size: number,
  point: string | null,
  targets: readonly string[] = [folder],
): Promise<{ code: number | null; signal: string | null }> {
  const gate = path.join(base, 'gate');
  if (point !== null) writeFileSync(gate, `${point}\n`);
  return new Promise((resolve) => {
    const watcher =
      point === null
        ? null
        : watch(base, (_, name) => {
            if (name === 'gate.reached') child.kill('SIGKILL');
          });
    const child = spawn(process.execPath, [cli, 'calibrate', ...targets, '--pixel-size', String(size)], {
      stdio: 'ignore',
      env: {
        ...process.env,
        XDG_CONFIG_HOME: path.join(base, 'config'),
        ACQMETA_WRITE_GATE: point === null ? '' : gate,
      },
    });
    child.on('exit', (code, signal) => {
      watcher?.close();
      rmSync(gate, { force: true });
      rmSync(`${gate}.reached`, { force: true });
      resolve({ code, signal });
    });
  });
}

/** The pixel width AcqMeta's own reader finds in the file's header (null: none declared). */
function declaredWidth(file: string): number | null {
  const fd = openSync(file, 'r');
  try {
    const source = {
      size: fstatSync(fd).size,
      read: (offset: number, length: number) => {
        const bytes = new Uint8Array(length);
        readSync(fd, bytes, 0, length, offset);
        return bytes;
      },
    };
    return openTiff(source, { acquisition: false }).info.fileCalibration?.x ?? null;
  } finally {
    closeSync(fd);
  }
}

/** The seed of this run's choices: `KILL_SEED` to repeat a failed run, else the clock's. */
const SEED = Number(process.env.KILL_SEED ?? Date.now() % 2 ** 31);

/** A pseudo-random number generator (mulberry32) from `seed`: the same choices for the same seed. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

describe('acqmeta calibrate, killed', () => {
  it('leaves every file readable with the old or the new calibration, its pixels untouched', async () => {
    const files = FILES.map((name) => path.join(folder, name));
    const pixels = files.map(pixelSegmentsHash);
    const decoded = tifffileViews(files);
    const random = generator(SEED);
    const seeded = `KILL_SEED=${SEED}`;
    expect((await calibrate(0.2, null)).code).toBe(0);
    let old = 0.2;
    for (let round = 0; round < ROUNDS; round++) {
      const size = Number((0.3 + round / 10).toFixed(2));
      // the point and the file cut short vary: the files are written in a shuffled order
      const point = POINTS[Math.floor(random() * POINTS.length)] as (typeof POINTS)[number];
      const order = files.map((file) => ({ file, key: random() })).sort((a, b) => a.key - b.key);
      const bytesBefore = files.map((file) => readFileSync(file));
      const run = await calibrate(
        size,
        point,
        order.map((o) => o.file),
      );
      expect(run.signal, seeded).toBe('SIGKILL');
      const views = tifffileViews(files);
      for (const [i, file] of files.entries()) {
        const width = declaredWidth(file);
        expect([FILES[i], [old, size].some((v) => Math.abs((width ?? 0) - v) < 1e-6)], seeded).toEqual([
          FILES[i],
          true,
        ]);
        expect(views.get(file)?.pixels, seeded).toBe(decoded.get(file)?.pixels);
      }
      expect(files.map(pixelSegmentsHash), seeded).toEqual(pixels);
      const cut = (order[0] as { file: string }).file;
      if (Math.abs((declaredWidth(cut) ?? 0) - old) < 1e-6) {
        // cut short before readers saw it: the next command puts every file back byte for byte, its size included
        expect((await calibrate(old, null)).code, seeded).toBe(0);
        for (const [i, file] of files.entries())
          expect([FILES[i], readFileSync(file).equals(bytesBefore[i] as Buffer)], seeded).toEqual([FILES[i], true]);
      }
      // the next run finishes or reverts what was cut short, then writes its own
      expect((await calibrate(size, null)).code, seeded).toBe(0);
      for (const file of files) expect(declaredWidth(file), seeded).toBeCloseTo(size, 9);
      old = size;
    }
    expect(files.map(pixelSegmentsHash), seeded).toEqual(pixels);
  }, 300_000);

  it('has the next show or set of the image finish or revert a write cut short, before it reads', async () => {
    for (const [command, ...rest] of [['show'], ['set', '--set', 'species=rat']] as const) {
      const file = path.join(base, `${command}-plain.tif`);
      copyFileSync(path.join(made, 'plain-72dpi.tif'), file);
      const original = readFileSync(file);
      expect((await calibrate(0.5, 'header-appended', [file])).signal).toBe('SIGKILL');
      // killed after its append: the file is longer, the old header still in force
      expect(readFileSync(file).length).toBeGreaterThan(original.length);
      const run = await new Promise<{ code: number; stderr: string }>((resolve) => {
        const env = { ...process.env, XDG_CONFIG_HOME: path.join(base, 'config') };
        execFile(process.execPath, [cli, command, file, ...rest], { env, encoding: 'utf8' }, (error, _out, stderr) => {
          resolve({ code: error === null ? 0 : Number(error.code), stderr });
        });
      });
      expect([command, run.code]).toEqual([command, 0]);
      expect(run.stderr).toContain(`${command}-plain.tif: a header write (record `);
      expect(run.stderr).toContain('was cut short before readers saw it; the file is put back as it was');
      expect([command, readFileSync(file).equals(original)]).toEqual([command, true]);
    }
  }, 120_000);
});
