/**
 * `acqmeta calibrate` (issue 79): the calibration written into each TIFF's own header, in place.
 * Fixtures of every kind are written by tifffile (ImageJ hyperstacks, OME-TIFF, a 72-dpi export,
 * no resolution tags, BigTIFF, big-endian, tiled); after the command tifffile and ImageJ 1.x read
 * the new values, every strip and tile hashes as before, `log` lists the writes and `restore
 * --undo` gives back every file byte for byte, its length included.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { HeaderWriteRecord } from '../../../../shared/journal';
import { calibrateHarness, type Run } from './calibrate/cli-harness';
import { imagejViews, pixelSegmentsHash, tifffileViews } from './calibrate/tiff-checks';

const fixture = (rel: string) => fileURLToPath(new URL(`../../../fixtures/${rel}`, import.meta.url));

const harness = calibrateHarness('acqmeta-calibrate-');

/** Runs the command line bundle `bundle` in `cwd`. */
function acqmetaOf(bundle: string, cwd: string, ...args: string[]): Promise<Run> {
  return harness.run(cwd, args, { bundle });
}

function acqmeta(cwd: string, ...args: string[]): Promise<Run> {
  return harness.run(cwd, args);
}

/** A copy of the bundle whose worker thread `worker` (the header readers' or the writes') notes each start of its own in `marker`, then runs as before. */
function bundleNotingThreads(worker: 'scan-worker' | 'write-worker', marker: string): string {
  const dir = path.join(harness.base, `noting-${worker}`);
  cpSync(path.dirname(harness.cli), dir, { recursive: true });
  const real = JSON.stringify(path.join(path.dirname(harness.cli), `${worker}.cjs`));
  writeFileSync(
    path.join(dir, `${worker}.cjs`),
    `require('node:fs').appendFileSync(${JSON.stringify(marker)}, 'started\\n');\nrequire(${real});\n`,
  );
  return path.join(dir, 'cli.cjs');
}

/** A fresh copy of the fixtures in a folder of its own. */
const copyOfFixtures = (name: string) => harness.copyOfFixtures(name);

const TIFFS = [
  'hyperstack.tif',
  'imagej-stack.tif',
  'imagej-big-endian.tif',
  'ome.ome.tif',
  'plain-72dpi.tif',
  'no-resolution.tif',
  'bigtiff.tif',
  'big-endian.tif',
  'tiled.tif',
  'tiled-ome.ome.tif',
];
/** ImageJ 1.x opens neither BigTIFF nor these tiled files: there tifffile is the check. */
const IMAGEJ_OPENS = TIFFS.filter((name) => !name.startsWith('bigtiff') && !name.startsWith('tiled'));

describe('acqmeta calibrate', () => {
  it('writes what tifffile and ImageJ read, touches no pixel, and restore --undo gives the bytes back', async () => {
    const folder = copyOfFixtures('all-kinds');
    const files = TIFFS.map((name) => path.join(folder, name));
    const pixelsBefore = files.map(pixelSegmentsHash);
    const decodedBefore = tifffileViews(files);

    const size = await acqmeta(folder, 'calibrate', '.', '--pixel-size', '0.325,0.5');
    expect(size.stderr).toBe('');
    expect(size.code).toBe(0);
    expect(size.stdout).toContain('10 headers written, 0 unchanged.');
    const stacks = await acqmeta(
      folder,
      'calibrate',
      'hyperstack.tif',
      'ome.ome.tif',
      '--z-step',
      '2.5',
      '--interval',
      '7',
      '--channels',
      'DAPI,GFP',
    );
    expect(stacks.stderr).toBe('');
    expect(stacks.code).toBe(0);

    // no strip or tile moved or changed, by the IFDs' own offsets and by tifffile's decoding
    expect(files.map(pixelSegmentsHash)).toEqual(pixelsBefore);
    const views = tifffileViews(files);
    for (const file of files) expect(views.get(file)?.pixels).toBe(decodedBefore.get(file)?.pixels);

    // tifffile: ImageJ files in µm per pixel with no ResolutionUnit; the others in pixels per cm
    const hyperstack = views.get(path.join(folder, 'hyperstack.tif'));
    expect(hyperstack?.x).toBeCloseTo(1 / 0.325, 9);
    expect(hyperstack?.y).toBeCloseTo(2, 9);
    expect(hyperstack?.unit).toBe(1);
    expect(hyperstack?.imagej).toMatchObject({ unit: 'micron', spacing: 2.5, finterval: 7 });
    expect(hyperstack?.imagej?.Labels).toEqual(Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? 'DAPI' : 'GFP')));
    const ome = views.get(path.join(folder, 'ome.ome.tif'));
    expect(ome?.ome).toEqual({
      PhysicalSizeX: '0.325',
      PhysicalSizeXUnit: 'µm',
      PhysicalSizeY: '0.5',
      PhysicalSizeZ: '2.5',
      TimeIncrement: '7',
      channels: ['DAPI', 'GFP'],
    });
    for (const name of [
      'ome.ome.tif',
      'plain-72dpi.tif',
      'no-resolution.tif',
      'bigtiff.tif',
      'big-endian.tif',
      'tiled.tif',
    ]) {
      const view = views.get(path.join(folder, name));
      expect([name, view?.x, view?.y, view?.unit]).toEqual([name, expect.closeTo(1e4 / 0.325, 3), 2e4, 3]);
    }

    // ImageJ 1.x itself
    const imagej = imagejViews(IMAGEJ_OPENS.map((name) => path.join(folder, name)));
    for (const name of IMAGEJ_OPENS) {
      const view = imagej.get(path.join(folder, name));
      expect([name, Number(view?.pw), Number(view?.ph)]).toEqual([
        name,
        expect.closeTo(0.325, 6),
        expect.closeTo(0.5, 6),
      ]);
      expect([name, view?.unit]).toEqual([name, expect.stringMatching(/^(microns?|µm)$/)]);
    }
    expect(imagej.get(path.join(folder, 'hyperstack.tif'))).toMatchObject({
      pd: '2.500000000',
      interval: '7',
      labels: 'DAPI;GFP;',
    });

    // the journal lists each write; undoing both actions gives back every file byte for byte
    const log = await acqmeta(folder, 'log', '.', '--json');
    const headers = log.stdout
      .split('\n')
      .filter((line) => line.includes('"image-header"'))
      .map((line) => JSON.parse(line) as HeaderWriteRecord);
    expect(headers).toHaveLength(12);
    const [first, second] = [...new Set(headers.map((h) => h.batch))] as [string, string];
    expect((await acqmeta(folder, 'restore', '.', '--undo', second)).code).toBe(0);
    const undone = await acqmeta(folder, 'restore', '.', '--undo', first);
    expect(undone.stderr).toBe('');
    expect(undone.code).toBe(0);
    for (const name of TIFFS)
      expect([
        name,
        readFileSync(path.join(folder, name)).equals(readFileSync(path.join(harness.originals, name))),
      ]).toEqual([name, true]);
  }, 120_000);

  it('saves the sidecars and writes the headers on its own thread, with no write worker to start', async () => {
    const marker = path.join(harness.base, 'write-threads-started');
    const noting = bundleNotingThreads('write-worker', marker);
    const folder = copyOfFixtures('no-write-worker');

    const run = await acqmetaOf(noting, folder, 'calibrate', '.', '--pixel-size', '0.4');
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('10 headers written, 0 unchanged.');
    expect(readFileSync(path.join(folder, 'plain-72dpi.tif.json'), 'utf8')).toContain('"physical_unit_x": 0.4');
    expect(existsSync(marker)).toBe(false);
    const log = await acqmetaOf(noting, folder, 'log', 'plain-72dpi.tif', '--json');
    expect(log.stdout).toContain('"kind":"image-header"');

    // `set` saves through the write worker (the marker shows it ran)
    expect((await acqmetaOf(noting, folder, 'set', '.', '--set', 'species=rat')).code).toBe(0);
    expect(existsSync(marker)).toBe(true);
  }, 60_000);

  it('locks its folders without loading graceful-fs, whose patching of fs is CPU every run pays', async () => {
    const probe = path.join(harness.base, 'graceful-probe.cjs');
    const marker = path.join(harness.base, 'graceful-fs-loaded');
    // graceful-fs keeps its queue of retried calls on the global object once loaded
    writeFileSync(
      probe,
      `process.on('exit', () => { if (globalThis[Symbol.for('graceful-fs.queue')]) require('fs').writeFileSync(${JSON.stringify(marker)}, ''); });`,
    );
    const folder = copyOfFixtures('no-graceful-fs');
    const run = await harness.run(folder, ['calibrate', 'plain-72dpi.tif', '--pixel-size', '0.4'], {
      env: { NODE_OPTIONS: `--require ${probe}` },
    });
    expect(run.stdout).toContain('1 header written, 0 unchanged.');
    expect(existsSync(path.join(folder, '.acqmeta', 'journal', 'header-writes'))).toBe(true);
    expect(existsSync(marker)).toBe(false);
  });

  it('creates a missing sidecar from the header it reads itself, with no header-reader thread to start', async () => {
    const marker = path.join(harness.base, 'reader-threads-started');
    const noting = bundleNotingThreads('scan-worker', marker);
    const calibrated = copyOfFixtures('sidecars-by-calibrate');
    const set = copyOfFixtures('sidecars-by-set');

    const run = await acqmetaOf(noting, calibrated, 'calibrate', '.', '--pixel-size', '0.325', '--unit', 'nm');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(existsSync(marker)).toBe(false);

    // `set` creates its sidecars through the reader threads (the marker shows they ran): the same files
    const values = ['physical_unit_x=0.325', 'physical_unit_y=0.325', 'physical_label_x=nm', 'physical_label_y=nm'];
    const byThreads = await acqmetaOf(noting, set, 'set', '.', ...values.flatMap((v) => ['--set', v]));
    expect(byThreads.code).toBe(0);
    expect(existsSync(marker)).toBe(true);
    for (const name of TIFFS)
      expect([name, readFileSync(path.join(calibrated, `${name}.json`), 'utf8')]).toEqual([
        name,
        readFileSync(path.join(set, `${name}.json`), 'utf8'),
      ]);
  }, 60_000);

  it('refuses by name what a file has no place for, and writes nothing on a bad value', async () => {
    const folder = copyOfFixtures('refusals');
    copyFileSync(fixture('formats/czi/czitools_DAPI_GFP.czi'), path.join(folder, 'vendor.czi'));
    const before = Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(path.join(folder, name))]));
    const unchanged = () => {
      for (const [name, bytes] of Object.entries(before))
        expect([name, readFileSync(path.join(folder, name)).equals(bytes)]).toEqual([name, true]);
    };

    const bad = await acqmeta(folder, 'calibrate', '.', '--pixel-size', '0', '--z-step', '2');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--pixel-size: not a number greater than 0');
    unchanged();

    const noCalibration = await acqmeta(folder, 'calibrate', 'plain-72dpi.tif', 'vendor.czi');
    expect(noCalibration.code).toBe(1);
    expect(noCalibration.stderr).toContain('plain-72dpi.tif: its sidecar holds no calibration');
    expect(noCalibration.stderr).toContain(
      'vendor.czi: a CZI file is a vendor file and is never modified; `acqmeta convert`',
    );
    unchanged();

    const noPlace = await acqmeta(
      folder,
      'calibrate',
      'plain-72dpi.tif',
      'imagej-stack.tif',
      'ome.ome.tif',
      '--pixel-size',
      '0.5',
      '--interval',
      '2',
      '--channels',
      'A,B,C',
    );
    expect(noPlace.code).toBe(1);
    expect(noPlace.stderr).toContain(
      'plain-72dpi.tif: a plain TIFF has no place for a frame interval or channel names',
    );
    expect(noPlace.stderr).toContain('imagej-stack.tif: it has one time point');
    expect(noPlace.stderr).toContain('ome.ome.tif: it has 2 channels, not 3 names');
    expect(noPlace.stdout).toContain('0 headers written, 0 unchanged, 3 refused.');
    unchanged();
  }, 60_000);

  it('leaves a file it cannot write as it was, and says why (exit 3)', async () => {
    const folder = copyOfFixtures('read-only');
    const file = path.join(folder, 'plain-72dpi.tif');
    const bytes = readFileSync(file);
    // immutable: refused even to root, as a file locked by another program or a read-only share is
    execFileSync('chattr', ['+i', file]);
    const run = await acqmeta(folder, 'calibrate', 'plain-72dpi.tif', '--pixel-size', '0.5');
    execFileSync('chattr', ['-i', file]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('plain-72dpi.tif: it cannot be written (');
    expect(run.stderr).toContain('nothing changed');
    expect(readFileSync(file).equals(bytes)).toBe(true);
    // nothing changed: no sidecar made for the pixel size, and nothing journaled
    expect(existsSync(`${file}.json`)).toBe(false);
    const log = await acqmeta(folder, 'log', '.', '--json');
    expect(log.stdout).toBe('');
  }, 60_000);
});
