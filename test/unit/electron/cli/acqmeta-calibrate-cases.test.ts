/**
 * `acqmeta calibrate` (issue 79), what a review found: a dry run's old → new and its untouched
 * files, refusals by name (vendor files with or without a sidecar, a z step for one plane),
 * ImageJ's escaped `\u00B5m` read as µm, the text of `log`, a disk that fills part way through a
 * write, and an undo refused when the file was modified after the write.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeSync,
  closeSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { HeaderWriteRecord } from '../../../../shared/journal';
import { calibrateHarness } from './calibrate/cli-harness';
import { pixelSegmentsHash } from './calibrate/tiff-checks';

const fixture = (rel: string) => fileURLToPath(new URL(`../../../fixtures/${rel}`, import.meta.url));
const PRELOAD = fileURLToPath(new URL('full-disk-preload.cjs', import.meta.url));

const harness = calibrateHarness('acqmeta-calibrate-cases-');

/** Every file of `folder` (not its journal), by name, as the SHA-256 of its bytes. */
function filesOf(folder: string): Map<string, string> {
  return new Map(
    readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [
        entry.name,
        createHash('sha256')
          .update(readFileSync(path.join(folder, entry.name)))
          .digest('hex'),
      ]),
  );
}

describe('acqmeta calibrate, cases', () => {
  it('shows old → new per value in a dry run and writes nothing', async () => {
    const folder = harness.copyOfFixtures('dry-run');
    const before = filesOf(folder);
    const run = await harness.run(folder, [
      'calibrate',
      'plain-72dpi.tif',
      'hyperstack.tif',
      '--pixel-size',
      '0.5',
      '--dry-run',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('would write plain-72dpi.tif (TIFF)\n');
    expect(run.stdout).toContain('  XResolution [resolution tags]: 72 per inch → 20000 per cm\n');
    expect(run.stdout).toContain('  ResolutionUnit [resolution tags]: inch → cm\n');
    expect(run.stdout).toContain('would write hyperstack.tif (ImageJ TIFF)\n');
    expect(run.stdout).toContain('Dry run: 2 headers to write, 0 unchanged; nothing written.');
    expect(filesOf(folder)).toEqual(before);
    expect(existsSync(path.join(folder, '.acqmeta'))).toBe(false);
  }, 60_000);

  it('refuses a z step for an image of one Z plane, by name', async () => {
    const folder = harness.copyOfFixtures('one-plane');
    const before = filesOf(folder);
    const run = await harness.run(folder, ['calibrate', 'tiled-ome.ome.tif', '--pixel-size', '0.5', '--z-step', '2']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^tiled-ome\.ome\.tif: it has one Z plane/m);
    expect(run.stdout).toContain('0 headers written, 0 unchanged, 1 refused.');
    expect(filesOf(folder)).toEqual(before);
  }, 60_000);

  it('refuses every vendor file by name, sidecar or not, pointing at convert', async () => {
    const folder = path.join(harness.base, 'vendor');
    mkdirSync(folder);
    copyFileSync(fixture('tiff/zeiss/jimpipeline_test.lsm'), path.join(folder, 'zeiss.lsm'));
    copyFileSync(fixture('formats/nd2/pims_nd2_cluster.nd2'), path.join(folder, 'nikon.nd2'));
    copyFileSync(fixture('formats/oib/oiffile_test.oib'), path.join(folder, 'olympus.oib'));
    copyFileSync(fixture('formats/czi/czitools_DAPI_GFP.czi'), path.join(folder, 'zeiss.czi'));
    copyFileSync(fixture('folders/lab/other/scan_01.oir'), path.join(folder, 'scan_01.oir'));
    const before = filesOf(folder);
    const run = await harness.run(folder, ['calibrate', '.', '--pixel-size', '0.5']);
    expect(run.code).toBe(1);
    for (const [name, kind] of [
      ['zeiss.lsm', 'an LSM'],
      ['nikon.nd2', 'an ND2'],
      ['olympus.oib', 'an OIB'],
      ['zeiss.czi', 'a CZI'],
      ['scan_01.oir', 'an OIR'],
    ])
      expect(run.stderr).toContain(
        `${name}: ${kind} file is a vendor file and is never modified; \`acqmeta convert\` makes an OME-TIFF copy`,
      );
    expect(run.stdout).toContain('0 headers written, 0 unchanged, 5 refused.');
    // an OIR named on its own, without a sidecar: refused by name too, not a usage error
    const oir = await harness.run(folder, ['calibrate', 'scan_01.oir', '--pixel-size', '0.5']);
    expect(oir.code).toBe(1);
    expect(oir.stderr).toContain('scan_01.oir: an OIR file is a vendor file');
    expect(filesOf(folder)).toEqual(before);
  }, 60_000);

  it("reads ImageJ's escaped \\u00B5m as µm: unchanged when it already says so, shown decoded", async () => {
    const folder = path.join(harness.base, 'escaped-unit');
    mkdirSync(folder);
    const file = path.join(folder, 'fiji.tif');
    execFileSync('/usr/bin/python3', [
      '-c',
      `import numpy, tifffile; tifffile.imwrite(${JSON.stringify(file)}, numpy.zeros((3, 2, 16, 16), numpy.uint16), imagej=True, resolution=(2, 2), metadata={'axes': 'ZCYX', 'unit': '\\\\u00B5m', 'spacing': 1.0})`,
    ]);
    expect(readFileSync(file, 'latin1')).toContain('unit=\\u00B5m\n');
    const bytes = readFileSync(file);
    const same = await harness.run(folder, ['calibrate', 'fiji.tif', '--pixel-size', '0.5']);
    expect(same.stderr).toBe('');
    expect(same.stdout).toContain('unchanged fiji.tif (ImageJ TIFF)\n');
    expect(same.stdout).toContain('0 headers written, 1 unchanged.');
    expect(readFileSync(file).equals(bytes)).toBe(true);
    const log = await harness.run(folder, ['log', 'fiji.tif', '--json']);
    expect(log.stdout).not.toContain('image-header');
    const nm = await harness.run(folder, ['calibrate', 'fiji.tif', '--pixel-size', '500', '--unit', 'nm', '--dry-run']);
    expect(nm.stdout).toContain('  unit [ImageJ description]: µm → nm\n');
  }, 60_000);

  it('lists a header write in the text of log, old → new per value', async () => {
    const folder = harness.copyOfFixtures('log-text');
    expect((await harness.run(folder, ['calibrate', 'plain-72dpi.tif', '--pixel-size', '0.5'])).code).toBe(0);
    const log = await harness.run(folder, ['log', 'plain-72dpi.tif']);
    expect(log.code).toBe(0);
    expect(log.stdout).toContain('calibrate --pixel-size 0.5');
    expect(log.stdout).toContain('XResolution [resolution tags]: 72 per inch → 20000 per cm');
  }, 60_000);

  it('leaves the file and its sidecar as they were when the disk fills part way through the write', async () => {
    const folder = harness.copyOfFixtures('full-disk');
    const file = path.join(folder, 'hyperstack.tif');
    const bytes = readFileSync(file);
    const run = await harness.run(folder, ['calibrate', 'hyperstack.tif', '--pixel-size', '0.5'], {
      env: {
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${PRELOAD}`.trim(),
        FULL_DISK_FOLDER: folder,
        FULL_DISK_BYTES: String(bytes.length + 16),
      },
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('hyperstack.tif: it cannot be written (');
    expect(run.stderr).toContain('nothing changed');
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(existsSync(`${file}.json`)).toBe(false);
    const log = await harness.run(folder, ['log', 'hyperstack.tif', '--json']);
    expect(log.stdout).not.toContain('image-header');
  }, 60_000);

  it('refuses to undo a header write once the file was modified after it, naming the file', async () => {
    const folder = harness.copyOfFixtures('changed-after');
    const file = path.join(folder, 'plain-72dpi.tif');
    const oldSize = statSync(file).size;
    expect((await harness.run(folder, ['calibrate', 'plain-72dpi.tif', '--pixel-size', '0.5'])).code).toBe(0);
    const log = await harness.run(folder, ['log', 'plain-72dpi.tif', '--json']);
    const record = JSON.parse(
      log.stdout.split('\n').find((line) => line.includes('"image-header"')) ?? '',
    ) as HeaderWriteRecord;
    // another program changes a pixel (the original's last byte is its strip's)
    const pixels = pixelSegmentsHash(file);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.from([0xa5]), 0, 1, oldSize - 1);
    closeSync(fd);
    expect(pixelSegmentsHash(file)).not.toBe(pixels);
    const changed = readFileSync(file);
    const undo = await harness.run(folder, ['restore', 'plain-72dpi.tif', '--undo', record.id]);
    expect(undo.code).toBe(3);
    expect(undo.stderr).toContain('plain-72dpi.tif');
    expect(undo.stderr).toContain('modified since that write');
    expect(readFileSync(file).equals(changed)).toBe(true);
  }, 60_000);
});
