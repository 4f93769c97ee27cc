/**
 * `acqmeta export --format cloudscope-collection`, which images a collection holds and as what:
 * a sidecar with an old reference-image block is exported without it, and says so; each image of
 * a CZI or LIF file is an image of its own, named so they sort, its channels named in an
 * `omero` block; two files of one name in two folders are two images; and no number in an
 * image's zarr.json carries floating-point noise. Checked on the bytes written, with Python's
 * jsonschema, numcodecs and numpy (read-collection.py) and the readers' figures in the fixtures.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, labPath, basePath } = cliOnLab();
const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const READ_COLLECTION = fileURLToPath(new URL('./read-collection.py', import.meta.url));
const CONTRACT = fileURLToPath(new URL('../../../../shared/ngff/generated/acqstore-contract.json', import.meta.url));

/** What read-collection.py prints of a collection (the part read here). */
interface Read {
  problems: string[];
  images: { id: string; source: string; shapes: number[][]; equals_tifffile: boolean | null; plane_sha256: string[] }[];
}
const readCollection = (collection: string): Read =>
  JSON.parse(
    execFileSync('/usr/bin/python3', [READ_COLLECTION, collection, CONTRACT, labPath('export')], {
      encoding: 'utf8',
    }),
  ) as Read;

/** Fixture → its place in lab/export. */
const SOURCES: Record<string, string> = {
  'formats/czi/czitools_S3_1Pos_2Mosaic_T1_Z1_CH1.czi': 'scenes.czi',
  'formats/lif/readlif_testdata_2channel_xz.lif': 'leica/xz.lif',
  'formats/czi/czitools_100x100.czi': 'tiny.czi',
  'linescans/ls_02.tif': 'a/img.tif',
  'linescans/ls_03.tif': 'b/img.tif',
};

/** What the fixtures' own readers (czifile, readlif) say of each file's images. */
const EXPECTED = JSON.parse(await readFile(path.join(FIXTURES, 'formats', 'expected.json'), 'utf8')) as Record<
  string,
  { images: { name: string; shape: string }[] }
>;
const EXPECTED_PLANES = JSON.parse(
  await readFile(path.join(FIXTURES, 'formats', 'expected-planes.json'), 'utf8'),
) as Record<string, { sha256: string }[]>;

/** The collection manifest's entries. */
interface Entry {
  id: string;
  name: string;
  ome_zarr_path: string;
  sidecar_path: string;
  source: { filename: string; relative_path: string };
}
const entriesOf = async (collection: string): Promise<Entry[]> =>
  JSON.parse(await readFile(basePath(`${collection}/acqstore/acq_image_collection.json`), 'utf8')).acq_images;

const exportTo = (output: string) => acqmeta('export', 'lab/export', '--format', 'cloudscope-collection', '-o', output);

const product = (sizes: readonly number[]): number => sizes.reduce((a, b) => a * b, 1);

beforeEach(async () => {
  for (const [fixture, place] of Object.entries(SOURCES)) {
    await mkdir(path.dirname(labPath(`export/${place}`)), { recursive: true });
    await copyFile(path.join(FIXTURES, fixture), labPath(`export/${place}`));
  }
});

describe('acqmeta export --format cloudscope-collection: the images a collection holds', () => {
  it('exports a sidecar with a reference-image block but no reference image, without the block, and says so', async () => {
    for (const place of ['scenes.czi', 'leica', 'tiny.czi']) await rm(labPath(`export/${place}`), { recursive: true });
    const own = await readFile(path.join(FIXTURES, 'linescans/ls_02.tif.json'), 'utf8');
    // the block an older CloudScope wrote (test/fixtures/sidecars/canonical.tif.json), not acqstore's shape
    const block =
      '  "reference_image_metadata": {\n    "path": "ref/x.tif",\n    "shape": "(512, 512)",\n    "zoom": 2.0\n  },\n';
    const withBlock = own.replace('  "rois": [', `${block}  "rois": [`);
    expect(withBlock).not.toBe(own);
    await writeFile(labPath('export/a/img.tif.json'), withBlock);
    const run = await exportTo('lab.ome.zarr');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      "a/img.tif: its sidecar's reference_image_metadata is left out of the copy: the collection holds no reference image",
    );
    expect(run.stderr).toContain('2 images written to lab.ome.zarr, verified');
    const entry = (await entriesOf('lab.ome.zarr')).find((e) => e.source.relative_path === 'a/img.tif');
    // every other byte of the sidecar is as it was
    expect(await readFile(basePath(`lab.ome.zarr/${entry?.sidecar_path}`), 'utf8')).toBe(own);
    expect(await readFile(labPath('export/a/img.tif.json'), 'utf8')).toBe(withBlock);
  });

  it('exports each image of a CZI or LIF file as its own, named so they sort, its channels named', async () => {
    expect((await acqmeta('set', 'lab/export/scenes.czi', '--set', 'species=mouse')).code).toBe(0);
    const run = await exportTo('lab.ome.zarr');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('9 images written to lab.ome.zarr, verified');
    const read = readCollection(basePath('lab.ome.zarr'));
    expect(read.problems).toEqual([]);
    const entries = await entriesOf('lab.ome.zarr');
    // one folder and one id per image, in order without a gap: a/img.tif and b/img.tif are two images
    expect(entries.map((e) => e.id)).toEqual(entries.map((_, i) => `acq_image_00${i}`));
    expect(new Set(entries.map((e) => e.ome_zarr_path)).size).toBe(9);
    expect(entries.map((e) => [e.source.relative_path, e.name])).toEqual([
      ['a/img.tif', 'img.tif'],
      ['b/img.tif', 'img.tif'],
      ['leica/xz.lif', 'xz.lif #0 xzt'],
      ['leica/xz.lif', 'xz.lif #1 xzy'],
      ['leica/xz.lif', 'xz.lif #2 xz'],
      ['scenes.czi', 'scenes.czi #0 Scene 0'],
      ['scenes.czi', 'scenes.czi #1 Scene 1'],
      ['scenes.czi', 'scenes.czi #2 Scene 2'],
      ['tiny.czi', 'tiny.czi'],
    ]);
    const tiffs = read.images.filter((image) => image.source.endsWith('img.tif'));
    expect(tiffs.map((image) => image.equals_tifffile)).toEqual([true, true]);
    expect(tiffs[0]?.plane_sha256).not.toEqual(tiffs[1]?.plane_sha256);

    // each image has the size the file's own reader gives it; the CZI's first scene, the pixels czifile decoded
    const multiple = {
      'czi/czitools_S3_1Pos_2Mosaic_T1_Z1_CH1.czi': 'scenes.czi',
      'lif/readlif_testdata_2channel_xz.lif': 'leica/xz.lif',
    };
    for (const [relative, place] of Object.entries(multiple)) {
      const want = EXPECTED[relative]?.images ?? [];
      expect(
        read.images.filter((image) => image.source === place).map((image) => product(image.shapes[0] ?? [])),
      ).toEqual(want.map((image) => product((image.shape.match(/\d+/g) ?? []).map(Number))));
    }
    const scene0 = read.images.find((image) => image.source === 'scenes.czi');
    expect(scene0?.plane_sha256).toEqual([EXPECTED_PLANES['czi/czitools_S3_1Pos_2Mosaic_T1_Z1_CH1.czi']?.[0]?.sha256]);

    // the channels are named and coloured for viewers
    const omero = async (id: string) =>
      JSON.parse(await readFile(basePath(`lab.ome.zarr/acq_images/${id}/zarr.json`), 'utf8')).attributes.ome.omero;
    const lif = await omero('acq_image_003');
    // coloured as the file shows them: LAS X's lookup tables Green and Red, ZEN's display colour
    expect(lif.channels.map((c: { label: string; color: string }) => [c.label, c.color])).toEqual([
      ['Leica/FITC', '00FF00'],
      ['Leica/TRITC', 'FF0000'],
    ]);
    const scene = await omero('acq_image_006');
    expect(scene.channels).toMatchObject([{ label: 'DAPI', color: '00A1FF' }]);

    // a later scene's sidecar describes its own header and carries the file's experiment fields
    const later = JSON.parse(await readFile(basePath(`lab.ome.zarr/${entries[6]?.sidecar_path}`), 'utf8'));
    expect(later.image_header_metadata).toMatchObject({ shape: '(64, 64)', num_scenes: 3 });
    expect(later.experiment_metadata.species).toBe('mouse');
    expect(later.rois).toEqual([]);

    // no scale or window carries a double's noise (the tiny CZI's 0.1 µm reads as 0.09999999999999999)
    const tiny = JSON.parse(await readFile(basePath('lab.ome.zarr/acq_images/acq_image_008/zarr.json'), 'utf8'));
    expect(tiny.attributes.ome.multiscales[0].datasets[0].coordinateTransformations[0].scale).toEqual([0.1, 0.1]);
    for (const entry of entries) {
      const text = await readFile(basePath(`lab.ome.zarr/${entry.ome_zarr_path}/zarr.json`), 'utf8');
      const numbers = (text.match(/-?\d+\.\d+(e[+-]?\d+)?/g) ?? []).map(Number);
      expect(
        numbers.filter((n) => Number(n.toPrecision(15)) !== n),
        entry.id,
      ).toEqual([]);
    }
  });
});
