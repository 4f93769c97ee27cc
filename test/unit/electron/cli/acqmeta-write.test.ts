import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, labPath, read, exists } = cliOnLab();
const generatedTiff = (name: string) =>
  fileURLToPath(new URL(`../../../fixtures/tiff/generated/${name}`, import.meta.url));

describe('acqmeta set', () => {
  it('writes nothing when any value is invalid, and says why (exit 2)', async () => {
    const before = await read('cells/multi-channel.ome.tif.json');
    const run = await acqmeta('set', 'lab', '--set', 'species=rat', '--set', 'depth=abc', '--set', 'branch_order=1.5');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Depth: must be a number in µm (got "abc")\n');
    expect(run.stderr).toContain('Branch order: must be a whole number (got 1.5)\n');
    expect(await read('cells/multi-channel.ome.tif.json')).toBe(before);
    expect(await exists('plain.tiff.json')).toBe(false);
    const unknown = await acqmeta('set', 'lab/plain.tiff', '--set', 'colour=red');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown field "colour"');
  });

  it('reads a lone decimal comma as a decimal point and asks for a dot where a comma is ambiguous', async () => {
    const before = await read('cells/multi-channel.ome.tif.json');
    const ambiguous = await acqmeta('set', 'lab/cells/multi-channel.ome.tif', '--set', 'depth=1,500');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('Depth: use a dot for decimals and no thousands separator (got "1,500")\n');
    expect(await read('cells/multi-channel.ome.tif.json')).toBe(before);
    expect((await acqmeta('set', 'lab/cells/multi-channel.ome.tif', '--set', 'depth=12,5')).code).toBe(0);
    expect(await read('cells/multi-channel.ome.tif.json')).toBe(before.replace('"depth": 75.0', '"depth": 12.5'));
  });

  it('updates and creates sidecars, skips invalid ones untouched, and summarises (exit 1)', async () => {
    const ome = await read('cells/multi-channel.ome.tif.json');
    const corrupt = await read('stacks/multipage.tif.json');
    const run = await acqmeta('set', 'lab', '--set', 'species=zebrafish', '--set', 'depth=12');
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      'updated lab/cells/multi-channel.ome.tif.json: Species: "mouse" → "zebrafish"; Depth: 75.0 → 12.0',
      'updated lab/other/scan_01.oir.json: Species: "mouse" → "zebrafish"; Depth: (none) → 12.0',
      'created lab/plain.tiff.json: Species: "" → "zebrafish"; Depth: (none) → 12.0',
      'updated lab/stacks/float.tif.json: Species: "" → "zebrafish"; Depth: (none) → 12.0',
      '3 sidecars updated, 1 created, 0 unchanged, 2 skipped.',
    ]);
    expect(run.stderr).toMatch(/^lab\/hostile\/test_ifd_loop_to_self\.tif: cannot create a sidecar: /m);
    expect(run.stderr).toMatch(/^lab\/stacks\/multipage\.tif: invalid sidecar, left as it is: not valid JSON/m);
    expect(await read('cells/multi-channel.ome.tif.json')).toBe(
      ome.replace('"depth": 75.0', '"depth": 12.0').replace('"species": "mouse"', '"species": "zebrafish"'),
    );
    expect(await read('stacks/multipage.tif.json')).toBe(corrupt);
    const created = await read('plain.tiff.json');
    expect(created).toContain('\n    "shape": "(151, 157)",\n');
    expect(created).toContain('\n    "depth": 12.0,\n');
    expect(await exists('hostile/test_ifd_loop_to_self.tif.json')).toBe(false);
  });

  it('gives a new sidecar the calibration the file declares, and reports a sidecar that differs', async () => {
    await mkdir(labPath('cal'));
    await copyFile(generatedTiff('imagej-2ch-u16.tif'), labPath('cal/imagej.tif'));
    await copyFile(generatedTiff('ome-3ch-u16.ome.tif'), labPath('cal/ome.ome.tif'));
    await copyFile(generatedTiff('plain-single-u16.tif'), labPath('cal/centimetre.tif'));
    await copyFile(generatedTiff('plain-dpi-rgb.tif'), labPath('cal/photo.tif'));
    expect((await acqmeta('set', 'lab/cal', '--set', 'species=mouse')).code).toBe(0);
    const calibration = (x: string, y: string) =>
      `"physical_label_x": "um",\n    "physical_label_y": "um",\n    "physical_unit_x": ${x},\n    "physical_unit_y": ${y},`;
    expect(await read('cal/imagej.tif.json')).toContain(calibration('0.29999999988358467', '0.29999999988358467'));
    expect(await read('cal/ome.ome.tif.json')).toContain(calibration('0.25', '0.4'));
    expect(await read('cal/centimetre.tif.json')).toContain(calibration('1.0', '1.0'));
    // 300 dots per inch is a print resolution, not a microscope calibration: the default stays.
    expect(await read('cal/photo.tif.json')).toContain(
      '"physical_label_x": "Pixels",\n    "physical_label_y": "Pixels",\n    "physical_unit_x": 1.0,',
    );
    expect((await acqmeta('scan', 'lab/cal', '--json')).code).toBe(0);

    await acqmeta('set', 'lab/cal/ome.ome.tif', '--set', 'physical_unit_y=1');
    const scan = await acqmeta('scan', 'lab/cal', '--json');
    expect(scan.code).toBe(1);
    const ome = scan.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line))
      .find((r) => r.path === 'ome.ome.tif');
    expect(ome).toMatchObject({
      file_calibration: { x: 0.25, y: 0.4, unit: 'um', source: 'ome' },
      errors: ['File declares 0.25 × 0.4 um per pixel; sidecar has 0.25 × 1.0 um'],
    });
    const before = await read('cal/ome.ome.tif.json');
    expect((await acqmeta('set', 'lab/cal/ome.ome.tif', '--set', 'species=rat')).code).toBe(0);
    expect(await read('cal/ome.ome.tif.json')).toBe(before.replace('"species": "mouse"', '"species": "rat"'));
  });

  it('clears a field with an empty value and reports files already set as unchanged', async () => {
    const run = await acqmeta('set', 'lab/cells/multi-channel.ome.tif', 'lab/plain.tiff', '--set', 'depth=');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'updated lab/cells/multi-channel.ome.tif.json: Depth: 75.0 → (none)\n1 sidecar updated, 0 created, 1 unchanged.\n',
    );
    expect(await read('cells/multi-channel.ome.tif.json')).toContain('\n    "depth": null,\n');
    expect(await exists('plain.tiff.json')).toBe(false);
  });

  it('sets the accepted flag (--set accepted=false), changing exactly its line', async () => {
    const before = await read('cells/multi-channel.ome.tif.json');
    const run = await acqmeta('set', 'lab/cells/multi-channel.ome.tif', '--set', 'accepted=false');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'updated lab/cells/multi-channel.ome.tif.json: Accepted: true → false\n1 sidecar updated, 0 created, 0 unchanged.\n',
    );
    expect(await read('cells/multi-channel.ome.tif.json')).toBe(
      before.replace('"accepted": true,', '"accepted": false,'),
    );
    expect((await acqmeta('set', 'lab/cells/multi-channel.ome.tif', '--set', 'accepted=true')).code).toBe(0);
    expect(await read('cells/multi-channel.ome.tif.json')).toBe(before);
  });

  it('--dry-run shows what would change and writes nothing', async () => {
    const before = await read('cells/multi-channel.ome.tif.json');
    const run = await acqmeta('set', 'lab/cells', 'lab/plain.tiff', '--set', 'region=V1', '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'would update lab/cells/multi-channel.ome.tif.json: Region: "" → "V1"\n' +
        'would create lab/plain.tiff.json: Region: "" → "V1"\n' +
        'Dry run: 1 sidecar to update, 1 to create, 0 unchanged; nothing written.\n',
    );
    expect(await read('cells/multi-channel.ome.tif.json')).toBe(before);
    expect(await exists('plain.tiff.json')).toBe(false);
  });
});
