import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, labPath, read, exists } = cliOnLab();
const NGFF = fileURLToPath(new URL('../../../fixtures/ngff/', import.meta.url));
const CANONICAL = fileURLToPath(new URL('../../../fixtures/sidecars/canonical.tif.json', import.meta.url));

/** Every path under a folder, sorted: what a store holds. */
async function tree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

describe('acqmeta on OME-Zarr stores', () => {
  beforeEach(async () => {
    await mkdir(labPath('zarr'));
    for (const name of ['cells-04.ome.zarr', 'sharded-05.ome.zarr', 'b2r-04.ome.zarr'])
      await cp(path.join(NGFF, name), labPath(`zarr/${name}`), { recursive: true });
  });

  it('scan gives each store one line, with its header and declared pixel size', async () => {
    const run = await acqmeta('scan', 'lab/zarr', '--json');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const records = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records).toMatchObject([
      { path: 'b2r-04.ome.zarr', format: 'ome-zarr', header: { shape: '(2, 3, 40, 36)' } },
      {
        path: 'cells-04.ome.zarr',
        format: 'ome-zarr',
        header: { shape: '(2, 3, 40, 36)', dims: "('C', 'Z', 'Y', 'X')", dtype: 'uint16' },
        file_calibration: { x: 0.325, y: 0.325, unit: 'um', source: 'ngff' },
      },
      { path: 'sharded-05.ome.zarr', format: 'ome-zarr', header: { shape: '(4, 4, 4)', dtype: 'int16' } },
    ]);
    const readable = await acqmeta('scan', 'lab/zarr');
    expect(readable.stdout).toMatch(/\ncells-04\.ome\.zarr +CZYX 2x3x40x36 +uint16 +2 +missing\n/);
  });

  it('show lists the store’s axes, levels, channels and the OME-XML’s microscope', async () => {
    const run = await acqmeta('show', 'lab/zarr/cells-04.ome.zarr');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Format: OME-Zarr\n');
    expect(run.stdout).toContain('  Metadata     NGFF 0.4 on Zarr v2\n');
    expect(run.stdout).toContain(
      '  0  2 × 3 × 40 × 36  uint16  chunks 1 × 1 × 32 × 32  scale 1 × 2 × 0.325 × 0.325  zlib\n',
    );
    expect(run.stdout).toContain('Channels\n  DAPI (#0000FF)\n  GFP (#00FF00)\n');
    // a bioformats2raw store: the image in group 0, the microscope from its OME/METADATA.ome.xml
    const b2r = await acqmeta('show', 'lab/zarr/b2r-04.ome.zarr');
    expect(b2r.stdout).toContain('  Metadata     NGFF 0.4 on Zarr v2 (image at 0/)\n');
    expect(b2r.stdout).toContain('Acquisition (from ngff, ome)\n');
    expect(b2r.stdout).toMatch(/\n {2}Instrument +Zeiss LSM 880\n {2}Objective +Plan-Apochromat 40x\/1\.3 Oil DIC\n/);
  });

  it('set writes the sidecar beside the store and its journal above it, nothing inside', async () => {
    const before = await tree(labPath('zarr/cells-04.ome.zarr'));
    const run = await acqmeta('set', 'lab/zarr/cells-04.ome.zarr', '--set', 'species=mouse');
    expect(run.stdout).toBe(
      'created lab/zarr/cells-04.ome.zarr.json: Species: "" → "mouse"\n0 sidecars updated, 1 created, 0 unchanged.\n',
    );
    expect(run.code).toBe(0);
    expect(await read('zarr/cells-04.ome.zarr.json')).toContain('\n    "shape": "(2, 3, 40, 36)",\n');
    expect(await tree(labPath('zarr/cells-04.ome.zarr'))).toEqual(before);
    expect(await exists('zarr/.acqmeta/journal')).toBe(true);
  });

  it('set edits the sidecar inside a CloudScope store, refuses a path inside a store; scan names a store given as a folder', async () => {
    await cp(labPath('zarr/sharded-05.ome.zarr'), labPath('zarr/t.cs.ome.zarr'), { recursive: true });
    await mkdir(labPath('zarr/t.cs.ome.zarr/acqstore'));
    const original = await readFile(CANONICAL, 'utf8');
    await writeFile(labPath('zarr/t.cs.ome.zarr/acqstore/acq_image.json'), original);
    const run = await acqmeta('set', 'lab/zarr/t.cs.ome.zarr', '--set', 'species=rat');
    expect(run.stdout).toBe(
      'updated lab/zarr/t.cs.ome.zarr/acqstore/acq_image.json: Species: "mouse" → "rat"\n1 sidecar updated, 0 created, 0 unchanged.\n',
    );
    expect(run.code).toBe(0);
    expect(await read('zarr/t.cs.ome.zarr/acqstore/acq_image.json')).toBe(
      original.replace('"species": "mouse"', '"species": "rat"'),
    );
    expect(await exists('zarr/t.cs.ome.zarr.json')).toBe(false);
    const inside = await acqmeta('set', 'lab/zarr/cells-04.ome.zarr/0/.zarray', '--set', 'species=mouse');
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain('lies inside an OME-Zarr store');
    const scan = await acqmeta('scan', 'lab/zarr/cells-04.ome.zarr');
    expect(scan.code).toBe(2);
    expect(scan.stderr).toContain(
      'lab/zarr/cells-04.ome.zarr: an OME-Zarr store is one image; name the folder that holds it',
    );
  });

  it('scan lists an acqstore collection’s images; set edits them inside, the journal above the collection', async () => {
    await cp(path.join(NGFF, 'lab.ome.zarr'), labPath('zarr/lab.ome.zarr'), { recursive: true });
    const scan = await acqmeta('scan', 'lab/zarr', '--json');
    const records = scan.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { path: string; sidecar: string; exported_from?: string });
    expect(
      records.filter((r) => r.path.startsWith('lab.ome.zarr')).map((r) => [r.path, r.sidecar, r.exported_from]),
    ).toEqual([
      ['lab.ome.zarr/acq_images/acq_image_000', 'ok', 'ls_02.tif'],
      ['lab.ome.zarr/acq_images/acq_image_001', 'ok', 'ls_03.tif'],
      ['lab.ome.zarr/acq_images/acq_image_002', 'ok', 'ls_04.tif'],
    ]);
    const original = await read('zarr/lab.ome.zarr/acq_images/acq_image_001/acqstore/acq_image.json');
    const before = await tree(labPath('zarr/lab.ome.zarr'));
    // the collection named on its own is its images
    const run = await acqmeta('set', 'lab/zarr/lab.ome.zarr', '--set', 'note=batch 2');
    expect(run.stdout).toBe(
      [0, 1, 2]
        .map(
          (i) =>
            `updated lab/zarr/lab.ome.zarr/acq_images/acq_image_00${i}/acqstore/acq_image.json: Note: "" → "batch 2"\n`,
        )
        .join('') + '3 sidecars updated, 0 created, 0 unchanged.\n',
    );
    expect(run.code).toBe(0);
    expect(await read('zarr/lab.ome.zarr/acq_images/acq_image_001/acqstore/acq_image.json')).toBe(
      original.replace('"note": ""', '"note": "batch 2"'),
    );
    expect(await tree(labPath('zarr/lab.ome.zarr'))).toEqual(before);
    expect(await exists('zarr/.acqmeta/journal')).toBe(true);
    // one of its images is undone by its path, the journal above the collection found
    const log = await acqmeta('log', 'lab/zarr/lab.ome.zarr/acq_images/acq_image_001');
    const batch = /batch ([0-9a-f]{8}-[0-9a-f-]+)/.exec(log.stdout)?.[1] ?? 'none';
    const undo = await acqmeta('restore', 'lab/zarr/lab.ome.zarr/acq_images/acq_image_001', '--undo', batch);
    expect(undo.stderr).toBe('');
    expect(undo.code).toBe(0);
    expect(await read('zarr/lab.ome.zarr/acq_images/acq_image_001/acqstore/acq_image.json')).toBe(original);
    const one = await acqmeta('show', 'lab/zarr/lab.ome.zarr/acq_images/acq_image_002');
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('  Metadata     NGFF 0.5 on Zarr v3\n');
    expect(one.stdout).toMatch(/^lab\/zarr\/lab\.ome\.zarr\/acq_images\/acq_image_002\nExported from ls_04\.tif\n/);
    const unlisted = await acqmeta('show', 'lab/zarr/lab.ome.zarr/acq_images');
    expect(unlisted.code).toBe(2);
    const inside = await acqmeta('scan', 'lab/zarr/lab.ome.zarr/acq_images');
    expect(inside.code).toBe(2);
  });

  it('set writes no sidecar through a collection’s image folder that is a link, nor reads one', async () => {
    await cp(path.join(NGFF, 'lab.ome.zarr'), labPath('zarr/lab.ome.zarr'), { recursive: true });
    // a link to another collection's image, which the sidecar rules alone would let through
    await cp(path.join(NGFF, 'lab.ome.zarr'), labPath('other.ome.zarr'), { recursive: true });
    const member = 'zarr/lab.ome.zarr/acq_images/acq_image_001';
    await rm(labPath(member), { recursive: true });
    await symlink(labPath('other.ome.zarr/acq_images/acq_image_001'), labPath(member));
    const linked = labPath('other.ome.zarr/acq_images/acq_image_001/acqstore/acq_image.json');
    const before = await readFile(linked, 'utf8');
    for (const target of ['lab/zarr', 'lab/zarr/lab.ome.zarr']) {
      const run = await acqmeta('set', target, '--set', 'note=batch 3');
      expect(run.code).toBe(1);
      expect(run.stdout + run.stderr).toContain('is a link inside its collection');
      expect(await readFile(linked, 'utf8')).toBe(before);
    }
    const scan = await acqmeta('scan', 'lab/zarr', '--json');
    const row = scan.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { path: string; sidecar: string; values?: Record<string, unknown> })
      .find((r) => r.path === 'lab.ome.zarr/acq_images/acq_image_001');
    expect(row?.sidecar).toBe('missing');
  });
});
