/**
 * `acqmeta convert --to ome-tiff`: archival copies of a TIFF stack, an OME-TIFF, a CZI, an ND2,
 * a LIF and an OIB file, read back by tifffile with the source's shape, sample type and planes;
 * tiles only for planes that fill a tile each way; the sidecar beside each; the images of a file AcqMeta cannot read refused without stopping
 * the others; an existing copy kept without --force; each copy in its source's folder below -o,
 * and two images that would be one file both refused.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, labPath, basePath, sharedLab } = cliOnLab();
const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const TIFFFILE_PLANES = fileURLToPath(new URL('../services/convert/tifffile-planes.py', import.meta.url));

/** What tifffile-planes.py prints of a file. */
interface Read {
  shape: number[];
  axes: string;
  dtype: string;
  levels: number;
  tiled: boolean;
  ome: string | null;
  planes: string[];
}
/** What tifffile reads of each file, by its path: one Python for them all, as starting it with numpy is most of a read. */
function tifffile(...files: string[]): Record<string, Read> {
  const lines = execFileSync('/usr/bin/python3', [TIFFFILE_PLANES, ...files], { encoding: 'utf8' })
    .trimEnd()
    .split('\n');
  expect(lines).toHaveLength(files.length);
  return Object.fromEntries(files.map((file, i) => [file, JSON.parse(lines[i] as string) as Read]));
}

interface ExpectedPlane {
  c: number;
  z: number;
  t: number;
  samples: number;
  dtype: string;
  sha256: string;
}
const EXPECTED = JSON.parse(await readFile(path.join(FIXTURES, 'formats', 'expected-planes.json'), 'utf8')) as Record<
  string,
  ExpectedPlane[]
>;

/** The sources, as lab/convert/<name>: fixture path and the copy's name. */
const TIFFS = ['tiff/generated/imagej-hyperstack-tzcyx-u16.tif', 'tiff/generated/ome-tzcyx-u8.ome.tif'];
const VENDOR = {
  'formats/czi/czitools_LLS7_small.czi': 'czitools_LLS7_small.ome.tiff',
  'formats/nd2/pims_nd2_cluster.nd2': 'pims_nd2_cluster.ome.tiff',
  'formats/lif/readlif_testdata_2channel_xz.lif': 'readlif_testdata_2channel_xz_0_xzt.ome.tiff',
  'formats/oib/oiffile_test.oib': 'oiffile_test.ome.tiff',
} as const;

const source = (fixture: string): string => labPath(path.join('convert', path.basename(fixture)));
const archived = (name: string): string => basePath(path.join('archive', name));

describe('acqmeta convert --to ome-tiff', () => {
  // the sources with a sidecar written by `set`: made once, copied into each test's lab
  const sources = sharedLab(async (acqmeta, labPath) => {
    await mkdir(labPath('convert'));
    for (const fixture of [...TIFFS, ...Object.keys(VENDOR)])
      await copyFile(path.join(FIXTURES, fixture), labPath(path.join('convert', path.basename(fixture))));
    await writeFile(labPath('convert/broken.tif'), 'not a TIFF at all');
    const set = await acqmeta(
      'set',
      'lab/convert/ome-tzcyx-u8.ome.tif',
      '--set',
      'species=mouse',
      '--set',
      'genotype=Thy1',
    );
    expect(set.code).toBe(0);
  });
  beforeEach(sources);

  it('writes each image tifffile reads back equal to its source, with a sidecar beside', async () => {
    const run = await acqmeta('convert', 'lab/convert', '--to', 'ome-tiff', '-o', 'archive');
    // every image of the LIF is written, one file each; a broken TIFF is refused, the rest go on
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toMatch(/broken\.tif {2}not written: /);
    for (const name of ['0_xzt', '1_xzy', '2_xz'])
      expect(run.stdout).toContain(`readlif_testdata_2channel_xz_${name}.ome.tiff`);
    expect(run.stdout).toMatch(/ome-tzcyx-u8\.ome\.tiff {2}[\d.]+ [kM]?B {2}\d+ reduced levels? {2}verified/);

    const tiffCopy = (fixture: string) => archived(`${path.basename(fixture).replace(/(\.ome)?\.tif$/, '')}.ome.tiff`);
    // the reference planes of an xz scan are X by Z; its copy's X by 1 planes along Z are
    // checked against the LIF in acqmeta-convert-lif-axes.test.ts
    const vendor = Object.entries(VENDOR).filter(([fixture]) => !fixture.endsWith('_xz.lif'));
    const read = tifffile(...TIFFS.map(tiffCopy), ...TIFFS.map(source), ...vendor.map(([, name]) => archived(name)));
    for (const fixture of TIFFS) {
      const copy = read[tiffCopy(fixture)] as Read;
      const original = read[source(fixture)] as Read;
      expect(copy.dtype).toBe(original.dtype);
      expect(copy.planes).toEqual(original.planes);
      expect(copy.ome).toContain('<OME');
    }
    // every source here is smaller than a tile each way: its copy is in strips, with no levels
    for (const copy of [...TIFFS.map(tiffCopy), ...vendor.map(([, name]) => archived(name))].map(
      (f) => read[f] as Read,
    ))
      expect([copy.tiled, copy.levels]).toEqual([false, 0]);
    for (const [fixture, name] of vendor) {
      const copy = read[archived(name)] as Read;
      const want = EXPECTED[fixture.replace(/^formats\//, '')] as ExpectedPlane[];
      expect(copy.dtype, name).toBe(want[0]?.dtype);
      const sizes = { c: 0, z: 0, t: 0 };
      for (const [i, axis] of [...copy.axes].entries()) {
        const key = axis.toLowerCase();
        if (key === 'c' || key === 'z' || key === 't') sizes[key] = copy.shape[i] as number;
      }
      const sizeC = Math.max(sizes.c, 1);
      const sizeZ = Math.max(sizes.z, 1);
      for (const plane of want)
        expect(
          copy.planes[plane.c + sizeC * (plane.z + sizeZ * plane.t)],
          `${name} ${plane.c},${plane.z},${plane.t}`,
        ).toBe(plane.sha256);
    }

    const sidecar = JSON.parse(await readFile(archived('ome-tzcyx-u8.ome.tiff.json'), 'utf8'));
    expect(sidecar.experiment_metadata).toMatchObject({ species: 'mouse', genotype: 'Thy1' });
    expect(sidecar.image_header_metadata.dtype).toBe('uint8');
    expect((read[archived('ome-tzcyx-u8.ome.tiff')] as Read).ome).toContain('Thy1');
    // no temp file stays, and the sources are as they were
    expect((await readdir(basePath('archive'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('tiles the copy of an image whose planes fill a tile each way, unless --flat', async () => {
    const czi = 'formats/czi/czitools_DAPI_GFP.czi'; // 640 × 640
    await copyFile(path.join(FIXTURES, czi), source(czi));
    const tiled = await acqmeta('convert', `lab/convert/${path.basename(czi)}`, '--to', 'ome-tiff', '-o', 'tiled');
    const flat = await acqmeta(
      'convert',
      `lab/convert/${path.basename(czi)}`,
      '--to',
      'ome-tiff',
      '-o',
      'flat',
      '--flat',
    );
    expect([tiled.code, flat.code], tiled.stderr + flat.stderr).toEqual([0, 0]);
    const [inTiles, inStrips] = ['tiled', 'flat'].map((folder) => basePath(`${folder}/czitools_DAPI_GFP.ome.tiff`));
    const read = tifffile(inTiles as string, inStrips as string);
    expect((read[inTiles as string] as Read).tiled).toBe(true);
    expect((read[inStrips as string] as Read).tiled).toBe(false);
    expect((read[inTiles as string] as Read).planes).toEqual((read[inStrips as string] as Read).planes);
  });

  it('keeps an existing copy without --force and replaces it with --force', async () => {
    const args = [
      'convert',
      'lab/convert/imagej-hyperstack-tzcyx-u16.tif',
      '--to',
      'ome-tiff',
      '-o',
      'archive',
      '--flat',
    ];
    expect((await acqmeta(...args)).code).toBe(0);
    const copy = archived('imagej-hyperstack-tzcyx-u16.ome.tiff');
    const first = await stat(copy);
    const again = await acqmeta(...args);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/imagej-hyperstack-tzcyx-u16\.tif {2}not written: .* exists \(--force replaces it\)/);
    expect((await stat(copy)).mtimeMs).toBe(first.mtimeMs);
    const forced = await acqmeta(...args, '--force', '--compression', 'none');
    expect(forced.code, forced.stdout).toBe(0);
    expect((await stat(copy)).ino).not.toBe(first.ino);
    expect((tifffile(copy)[copy] as Read).levels).toBe(0);
  });

  it('keeps each image’s folder below -o: same-named files of two folders give two copies, with --force too', async () => {
    const [a, b] = TIFFS as [string, string];
    for (const [folder, fixture] of [
      ['a', a],
      ['b', b],
    ] as const) {
      await mkdir(labPath(`tree/${folder}`), { recursive: true });
      await copyFile(path.join(FIXTURES, fixture), labPath(`tree/${folder}/img.tif`));
    }
    for (const force of [[], ['--force']]) {
      const run = await acqmeta('convert', 'lab/tree', '--to', 'ome-tiff', '-o', 'archive', ...force);
      expect(run.code, run.stdout).toBe(0);
      const pairs = ['a', 'b'].map((folder) => [archived(`${folder}/img.ome.tiff`), labPath(`tree/${folder}/img.tif`)]);
      const read = tifffile(...pairs.flat());
      for (const [i, folder] of ['a', 'b'].entries()) {
        expect(run.stdout).toMatch(new RegExp(`^archive/${folder}/img\\.ome\\.tiff .* verified$`, 'm'));
        const [copy, original] = pairs[i] as [string, string];
        expect((read[copy] as Read).planes).toEqual((read[original] as Read).planes);
      }
    }
    // named one by one, both would be <folder>/img.ome.tiff: neither is written, each names the other
    const both = await acqmeta('convert', 'lab/tree/a/img.tif', 'lab/tree/b/img.tif', '--to', 'ome-tiff', '-o', 'flat');
    expect(both.code).toBe(1);
    const flat = basePath('flat/img.ome.tiff');
    expect(both.stdout.split('\n').filter(Boolean)).toEqual([
      `lab/tree/a/img.tif  not written: ${flat} would also be the copy of lab/tree/b/img.tif: neither is written`,
      `lab/tree/b/img.tif  not written: ${flat} would also be the copy of lab/tree/a/img.tif: neither is written`,
    ]);
    expect(await readdir(basePath('flat'))).toEqual([]);
  });

  it('refuses an image whose sidecar cannot be read, rather than leave its fields out', async () => {
    await copyFile(path.join(FIXTURES, 'tiff/generated/ome-tzcyx-u8.ome.tif'), labPath('convert/damaged.ome.tif'));
    const damaged = '{"experiment_metadata": {"species": "mouse",';
    await writeFile(labPath('convert/damaged.ome.tif.json'), damaged);
    const run = await acqmeta('convert', 'lab/convert/damaged.ome.tif', '--to', 'ome-tiff', '-o', 'archive');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/damaged\.ome\.tif {2}not written: its sidecar cannot be read \(.+\)/);
    expect(await readdir(basePath('archive'))).not.toContain('damaged.ome.tiff');
    expect(await readFile(labPath('convert/damaged.ome.tif.json'), 'utf8')).toBe(damaged);
  });

  it('refuses bad usage with exit code 2', async () => {
    expect((await acqmeta('convert', 'lab/convert', '-o', 'archive')).code).toBe(2);
    expect((await acqmeta('convert', 'lab/convert', '--to', 'png', '-o', 'archive')).code).toBe(2);
    expect((await acqmeta('convert', 'lab/convert', '--to', 'ome-tiff')).code).toBe(2);
    expect((await acqmeta('convert', 'lab/convert', '--to', 'ome-tiff', '-o', 'a', '--compression', 'jpeg')).code).toBe(
      2,
    );
  });
});
