/**
 * `acqmeta export --format cloudscope-collection`: a folder of TIFFs (a hyperstack, an OME-TIFF,
 * an RGB OME-TIFF, a big-endian image with levels, a line scan with its sidecar), a CZI and an
 * OIB file, exported as an acqstore collection that another reader (jsonschema, numcodecs'
 * c-blosc, numpy, tifffile: read-collection.py) finds keeping acqstore's contract, its levels
 * halved, and its pixels equal to the sources'; that AcqMeta then lists as the images they came
 * from; and that is never half written nor put over something AcqMeta did not write.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, labPath, basePath } = cliOnLab();
const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const READ_COLLECTION = fileURLToPath(new URL('./read-collection.py', import.meta.url));
const CONTRACT = fileURLToPath(new URL('../../../../shared/ngff/generated/acqstore-contract.json', import.meta.url));

/** What read-collection.py prints of a collection. */
interface Read {
  problems: string[];
  tables: { table: string; same: boolean }[];
  images: {
    id: string;
    source: string;
    axes: string[];
    shapes: number[][];
    dtype: string;
    halving: boolean;
    equals_tifffile: boolean | null;
    plane_sha256: string[];
  }[];
}
const readCollection = (collection: string, sources: string): Read =>
  JSON.parse(
    execFileSync('/usr/bin/python3', [READ_COLLECTION, collection, CONTRACT, sources], { encoding: 'utf8' }),
  ) as Read;

/** Fixture → its place in lab/export. */
const SOURCES: Record<string, string> = {
  'tiff/generated/imagej-hyperstack-tzcyx-u16.tif': 'day1/hyperstack.tif',
  'tiff/generated/ome-3ch-u16.ome.tif': 'day1/three-channels.ome.tif',
  'tiff/generated/ome-rgb.ome.tif': 'day1/rgb.ome.tif',
  'tiff/skimage/chessboard_GRAY_U16B.tif': 'day2/chessboard.tif',
  'formats/czi/czitools_DAPI_GFP.czi': 'day2/dapi-gfp.czi',
  'formats/oib/oiffile_test.oib': 'day2/oiffile.oib',
  'linescans/ls_02.tif': 'ls_02.tif',
  'linescans/ls_02.tif.json': 'ls_02.tif.json',
};

/** Results of three ROIs in acqstore's per-image CSV; a note holds a comma and quotes. */
const VELOCITY_CSV = [
  'time_s,channel,roi_id,velocity_um_s,note',
  '0.0,0,1,1.95,',
  '0.5,0,1,2.01,"fast, then ""slow"""',
  '0.0,0,2,0.8,',
  '0.0,0,3,3.5,edge',
  '',
].join('\n');

const EXPECTED_PLANES = JSON.parse(
  await readFile(path.join(FIXTURES, 'formats', 'expected-planes.json'), 'utf8'),
) as Record<string, { c: number; z: number; t: number; sha256: string }[]>;

/** Every file under `folder`, with its size and time: what a run must leave as it was. */
async function snapshot(folder: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const stats = await stat(file);
    out.push(`${path.relative(folder, file)} ${stats.isFile() ? stats.size : 'dir'} ${stats.mtimeMs}`);
  }
  return out.sort();
}

const exportTo = (output: string, ...more: string[]) =>
  acqmeta('export', 'lab/export', '--format', 'cloudscope-collection', '-o', output, ...more);

describe('acqmeta export --format cloudscope-collection', () => {
  beforeEach(async () => {
    for (const [fixture, place] of Object.entries(SOURCES)) {
      await mkdir(path.dirname(labPath(`export/${place}`)), { recursive: true });
      await copyFile(path.join(FIXTURES, fixture), labPath(`export/${place}`));
    }
  });

  it('writes a collection another reader finds keeping the contract, its pixels equal to the sources', async () => {
    expect((await acqmeta('set', 'lab/export/day1/hyperstack.tif', '--set', 'species=mouse')).code).toBe(0);
    // the line scan's velocity results as acqstore keeps them beside it: ROIs 1 to 3 (4 has none)
    await writeFile(labPath('export/ls_02.tif.radon_velocity.csv'), VELOCITY_CSV);
    // its sidecar as an older CloudScope left it: no image_contrast, an _is_dirty flag
    const written = await readFile(labPath('export/ls_02.tif.json'), 'utf8');
    const older = written.replace('  "image_contrast": {},\n', '').replace('{\n', '{\n  "_is_dirty": false,\n');
    expect(older).not.toBe(written);
    await writeFile(labPath('export/ls_02.tif.json'), older);
    const before = await snapshot(labPath('export'));
    const run = await exportTo('lab.ome.zarr');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('7 images written to lab.ome.zarr, verified');
    const read = readCollection(basePath('lab.ome.zarr'), labPath('export'));
    expect(read.problems).toEqual([]);
    // each ROI's velocity rows are its table, as pandas would write them; ROI 4 has none
    const lineScanId = read.images.find((image) => image.source === 'ls_02.tif')?.id;
    expect(read.tables.map((t) => t.table).sort()).toEqual(
      [1, 2, 3].map((roi) => `${lineScanId}/acqstore/analysis/radon_velocity__c0__r${roi}.table.csv`),
    );
    expect(read.tables.every((t) => t.same)).toBe(true);
    const bySource = new Map(read.images.map((image) => [image.source, image]));
    expect([...bySource.keys()].sort()).toEqual(
      Object.values(SOURCES)
        .filter((place) => !place.endsWith('.json'))
        .sort(),
    );
    // every level is the one above halved; every TIFF's full resolution is what tifffile reads
    for (const image of read.images) {
      expect(image.halving, image.source).toBe(true);
      if (!image.source.endsWith('.czi') && !image.source.endsWith('.oib'))
        expect(image.equals_tifffile, image.source).toBe(true);
    }
    expect(bySource.get('day1/hyperstack.tif')?.axes).toEqual(['t', 'c', 'z', 'y', 'x']);
    expect(bySource.get('day1/rgb.ome.tif')?.axes).toEqual(['c', 'z', 'y', 'x']);
    expect(bySource.get('day2/chessboard.tif')?.shapes).toEqual([
      [200, 200],
      [100, 100],
      [50, 50],
      [25, 25],
    ]);
    // the CZI's planes are those an independent reader of the format decoded
    const czi = bySource.get('day2/dapi-gfp.czi');
    for (const plane of EXPECTED_PLANES['czi/czitools_DAPI_GFP.czi'] ?? [])
      expect(czi?.plane_sha256[plane.c], `c ${plane.c}`).toBe(plane.sha256);
    expect(czi?.plane_sha256.length).toBe(2);

    // the sidecar is copied byte for byte; an image without one gets the sidecar a first save writes
    const manifest = JSON.parse(await readFile(basePath('lab.ome.zarr/acqstore/acq_image_collection.json'), 'utf8'));
    const entryOf = (source: string) =>
      manifest.acq_images.find((e: { source: { relative_path: string } }) => e.source.relative_path === source);
    const lineScan = entryOf('ls_02.tif');
    // the copy keeps acqstore's contract: the flag left out, image_contrast back, every other byte as it was
    expect(await readFile(basePath(`lab.ome.zarr/${lineScan.sidecar_path}`), 'utf8')).toBe(written);
    // a TZCYX stack's axes go in NGFF's order: only its sidecar's shape, dims and sizes lines change
    const stackLines = (await readFile(labPath('export/day1/hyperstack.tif.json'), 'utf8')).split('\n');
    const copiedLines = (
      await readFile(basePath(`lab.ome.zarr/${entryOf('day1/hyperstack.tif').sidecar_path}`), 'utf8')
    ).split('\n');
    expect(copiedLines.length).toBe(stackLines.length);
    const changed = copiedLines.filter((line, i) => line !== stackLines[i]).map((line) => line.trim());
    expect(changed).toEqual([
      `"dims": "('T', 'C', 'Z', 'Y', 'X')",`,
      `"shape": "(2, 2, 3, 16, 16)",`,
      `"sizes": "{'T': 2, 'C': 2, 'Z': 3, 'Y': 16, 'X': 16}",`,
    ]);
    expect(copiedLines.join('\n')).toContain('"species": "mouse"');
    expect(lineScan.summary).toMatchObject({ num_rois: 4, analysis_types: ['diameter', 'radon_velocity'] });
    const created = JSON.parse(
      await readFile(basePath(`lab.ome.zarr/${entryOf('day2/oiffile.oib').sidecar_path}`), 'utf8'),
    );
    expect(created.image_header_metadata.dtype).toBe('uint16');
    expect(manifest).toMatchObject({ name: 'export', format: 'acqstore-acq-image-collection' });
    expect(manifest.acqstore_version).toMatch(/^0\.2\.0\+acqmeta\./);

    // the sources are as they were, and nothing is left beside the collection
    expect(await snapshot(labPath('export'))).toEqual(before);
    expect((await readdir(basePath('.'))).filter((name) => name.includes('staging'))).toEqual([]);

    // AcqMeta lists the collection's images by the files they came from
    await mkdir(basePath('published'));
    await cp(basePath('lab.ome.zarr'), basePath('published/lab.ome.zarr'), { recursive: true });
    const scan = await acqmeta('scan', 'published', '--json');
    expect(scan.code, scan.stderr).toBe(0);
    const rows = scan.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows.map((row) => row.exported_from).sort()).toEqual([...bySource.keys()].sort());
    // each sidecar still records the header of the image it is with: no row says otherwise
    expect(rows.flatMap((row) => row.errors)).toEqual([]);
  });

  it('writes every image it can, naming each left out and why, and exits 1', async () => {
    await writeFile(labPath('export/day1/broken.tif'), 'not a TIFF at all');
    await copyFile(path.join(FIXTURES, 'tiff/generated/float32.tif'), labPath('export/damaged.tif'));
    await writeFile(labPath('export/damaged.tif.json'), '{"accepted": true,');
    await writeFile(labPath('export/ls_02.tif.diameter.csv'), 'time_s,diameter_um\n0.0,4.2\n');
    const run = await exportTo('lab.ome.zarr');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ls_02\.tif: not exported, ls_02\.tif\.diameter\.csv has no channel and roi_id columns/);
    expect(run.stderr).toMatch(/day1\/broken\.tif: not exported, /);
    expect(run.stderr).toMatch(/damaged\.tif: not exported, its sidecar cannot be read/);
    expect(run.stderr).toContain('6 images written to lab.ome.zarr, verified');
    expect(run.stderr).toContain('; 3 not exported');
    // the others are there, numbered without a gap, and keep the contract
    const read = readCollection(basePath('lab.ome.zarr'), labPath('export'));
    expect(read.problems).toEqual([]);
    expect(read.images.map((image) => image.id)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `acq_image_00${i}`));
    expect(read.images.map((image) => image.source).sort()).toEqual(
      Object.values(SOURCES)
        .filter((place) => !place.endsWith('.json') && place !== 'ls_02.tif')
        .sort(),
    );
    expect((await readdir(basePath('.'))).filter((name) => name.includes('staging'))).toEqual([]);
  });

  it('writes nothing when no image can be exported', async () => {
    for (const place of Object.values(SOURCES)) await writeFile(labPath(`export/${place}`), 'not an image');
    const run = await exportTo('lab.ome.zarr');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nothing was written: 7 images cannot be exported');
    expect(await readdir(basePath('.'))).not.toContain('lab.ome.zarr');
    expect((await readdir(basePath('.'))).filter((name) => name.includes('staging'))).toEqual([]);
  });

  it('replaces only a collection AcqMeta wrote, and only with --force', async () => {
    expect((await exportTo('lab.ome.zarr')).code).toBe(0);
    const manifest = basePath('lab.ome.zarr/acqstore/acq_image_collection.json');
    const first = await stat(manifest);
    const again = await exportTo('lab.ome.zarr');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists (--force replaces a collection AcqMeta wrote)');
    expect((await stat(manifest)).ino).toBe(first.ino);

    await writeFile(
      labPath('export/ls_02.tif.json'),
      (await readFile(labPath('export/ls_02.tif.json'), 'utf8')).replace('"accepted": true', '"accepted": false'),
    );
    const forced = await exportTo('lab.ome.zarr', '--force');
    expect(forced.code, forced.stderr).toBe(0);
    const replaced = JSON.parse(await readFile(manifest, 'utf8'));
    const lineScan = replaced.acq_images.find((e: { name: string }) => e.name === 'ls_02.tif');
    expect(lineScan.summary.accepted).toBe(false);

    // CloudScope's own collection (the fixture acqstore's layout wrote) is never replaced
    await cp(path.join(FIXTURES, 'ngff/lab.ome.zarr'), basePath('theirs.ome.zarr'), { recursive: true });
    const theirs = await readFile(basePath('theirs.ome.zarr/acqstore/acq_image_collection.json'), 'utf8');
    const refused = await exportTo('theirs.ome.zarr', '--force');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is not a collection AcqMeta wrote: it is not replaced');
    expect(await readFile(basePath('theirs.ome.zarr/acqstore/acq_image_collection.json'), 'utf8')).toBe(theirs);
  });

  it('refuses a name that is not .ome.zarr and leaves an OME-Zarr store in the folder out', async () => {
    const named = await exportTo('lab.zarr');
    expect(named.code).toBe(2);
    expect(named.stderr).toContain("a collection's name must end in .ome.zarr");
    await cp(path.join(FIXTURES, 'ngff/cells-04.ome.zarr'), labPath('export/cells.ome.zarr'), { recursive: true });
    const run = await exportTo('lab.ome.zarr');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('cells.ome.zarr: left out, an OME-Zarr store is not exported again');
    expect(run.stderr).toContain('7 images written');
  });
});
