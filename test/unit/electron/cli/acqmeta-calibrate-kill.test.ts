/**
 * Killed mid-write (issue 79): `acqmeta calibrate` is SIGKILLed in ten rounds at points of its
 * header writes chosen at random (its journal record synced, the new header appended, the link
 * switched), held there by the write gate rather than raced against the clock. Each time every
 * file opens, in AcqMeta's reader and in tifffile, with the old calibration or the new one, and
 * no strip or tile changed; the next run finishes or reverts the write that was cut short.
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  fstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTiff } from '../../../../shared/tiff';
import { bundleEntries } from '../services/tiff/build-worker';
import { makeTiffs, pixelSegmentsHash, tifffileViews } from './calibrate/tiff-checks';

const ROUNDS = 10;
const POINTS = ['header-journaled', 'header-appended', 'header-linked'] as const;
const FILES = ['plain-72dpi.tif', 'hyperstack.tif', 'ome.ome.tif', 'bigtiff.tif', 'big-endian.tif'];

let cli: string;
let removeBundle: () => Promise<void>;
let base: string;
let folder: string;

beforeAll(async () => {
  const built = await bundleEntries({
    cli: 'electron/cli/acqmeta.ts',
    'scan-worker': 'electron/services/tiff/scan-worker.ts',
  });
  cli = path.join(built.outdir, 'cli.cjs');
  removeBundle = built.remove;
  base = mkdtempSync(path.join(tmpdir(), 'acqmeta-calibrate-kill-'));
  const made = path.join(base, 'made');
  folder = path.join(base, 'images');
  mkdirSync(made);
  mkdirSync(folder);
  makeTiffs(made);
  for (const name of FILES) copyFileSync(path.join(made, name), path.join(folder, name));
});

afterAll(async () => {
  rmSync(base, { recursive: true, force: true });
  await removeBundle();
});

/** Runs `acqmeta calibrate <folder> --pixel-size <size>`, SIGKILLed once a write reaches `point` (null: run to its end). */
function calibrate(size: number, point: string | null): Promise<{ code: number | null; signal: string | null }> {
  const gate = path.join(base, 'gate');
  if (point !== null) writeFileSync(gate, `${point}\n`);
  return new Promise((resolve) => {
    const watcher =
      point === null
        ? null
        : watch(base, (_, name) => {
            if (name === 'gate.reached') child.kill('SIGKILL');
          });
    const child = spawn(process.execPath, [cli, 'calibrate', folder, '--pixel-size', String(size)], {
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

/** A pseudo-random choice for each round, the same in every run of the test. */
const pick = (round: number) => POINTS[(round * 7 + 3) % POINTS.length] as (typeof POINTS)[number];

describe('acqmeta calibrate, killed', () => {
  it('leaves every file readable with the old or the new calibration, its pixels untouched', async () => {
    const files = FILES.map((name) => path.join(folder, name));
    const pixels = files.map(pixelSegmentsHash);
    const decoded = tifffileViews(files);
    expect((await calibrate(0.2, null)).code).toBe(0);
    let old = 0.2;
    for (let round = 0; round < ROUNDS; round++) {
      const size = Number((0.3 + round / 10).toFixed(2));
      const run = await calibrate(size, pick(round));
      expect(run.signal).toBe('SIGKILL');
      const views = tifffileViews(files);
      for (const [i, file] of files.entries()) {
        const width = declaredWidth(file);
        expect([FILES[i], [old, size].some((v) => Math.abs((width ?? 0) - v) < 1e-6)]).toEqual([FILES[i], true]);
        expect(views.get(file)?.pixels).toBe(decoded.get(file)?.pixels);
      }
      expect(files.map(pixelSegmentsHash)).toEqual(pixels);
      // the next run finishes or reverts what was cut short, then writes its own
      expect((await calibrate(size, null)).code).toBe(0);
      for (const file of files) expect(declaredWidth(file)).toBeCloseTo(size, 9);
      old = size;
    }
    expect(files.map(pixelSegmentsHash)).toEqual(pixels);
  }, 300_000);
});
