import {
  copyFile,
  cp,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  symlink,
  truncate,
  writeFile,
} from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImageRow } from '../../../../../shared/api';
import type { LabCopy } from '../folder/lab-folder';
import { autoContrast } from '../../../../../electron/services/tiff/contrast';
import { removeTestBundles, scanRows, startOnLab, stopOnLab, type Harness } from './backend-harness';

const FIXTURES = fileURLToPath(new URL('../../../../fixtures/', import.meta.url));
const NGFF = path.join(FIXTURES, 'ngff');

/** NGFF 0.5 group metadata: axes c, z, y, x; two levels; 0.5 µm pixels and 2 µm planes at level 0. */
const GROUP = {
  zarr_format: 3,
  node_type: 'group',
  attributes: {
    ome: {
      version: '0.5',
      multiscales: [
        {
          name: 'cells',
          axes: [
            { name: 'c', type: 'channel' },
            { name: 'z', type: 'space', unit: 'micrometer' },
            { name: 'y', type: 'space', unit: 'micrometer' },
            { name: 'x', type: 'space', unit: 'micrometer' },
          ],
          datasets: [
            { path: '0', coordinateTransformations: [{ type: 'scale', scale: [1, 2, 0.5, 0.5] }] },
            { path: '1', coordinateTransformations: [{ type: 'scale', scale: [1, 2, 1, 1] }] },
          ],
        },
      ],
      omero: {
        channels: [
          { label: 'DAPI', color: '0000FF' },
          { label: 'GFP', color: '00FF00' },
        ],
      },
    },
  },
};

/** A Zarr v3 array's metadata. */
function array(shape: number[]): object {
  return {
    zarr_format: 3,
    node_type: 'array',
    shape,
    data_type: 'uint16',
    chunk_grid: { name: 'regular', configuration: { chunk_shape: [1, 1, 32, 32] } },
    chunk_key_encoding: { name: 'default', configuration: { separator: '/' } },
    codecs: [
      { name: 'bytes', configuration: { endian: 'little' } },
      { name: 'zstd', configuration: { level: 0 } },
    ],
    fill_value: 0,
  };
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Writes an NGFF 0.5 store at `dir` (metadata of both levels, and one chunk). */
async function writeStore(dir: string, group: object = GROUP): Promise<void> {
  await mkdir(path.join(dir, '0', 'c', '0', '0', '0'), { recursive: true });
  await mkdir(path.join(dir, '1'), { recursive: true });
  await writeFile(path.join(dir, 'zarr.json'), json(group));
  await writeFile(path.join(dir, '0', 'zarr.json'), json(array([2, 5, 64, 48])));
  await writeFile(path.join(dir, '1', 'zarr.json'), json(array([2, 5, 32, 24])));
  await writeFile(path.join(dir, '0', 'c', '0', '0', '0', '0'), Buffer.alloc(16));
}

/** Every path under `dir`, relative and sorted: what a store holds. */
async function tree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

describe('backend on OME-Zarr stores', () => {
  let copy: LabCopy;
  let h: Harness;
  const zarr = (rel: string): string => path.join(copy.lab, 'zarr', rel);
  beforeEach(async () => {
    // with a scan cache, as the app keeps one: a store read again comes from it when unchanged
    ({ copy, h } = await startOnLab((lab) => ({ cacheDir: path.join(path.dirname(lab), 'scan-cache') })));
    await writeStore(zarr('cells.ome.zarr'));
    // a TIFF inside a store is part of it, not an image of the folder
    await copyFile(path.join(copy.lab, 'plain.tiff'), zarr('cells.ome.zarr/1/inside.tif'));
  });
  afterEach(() => stopOnLab(copy, h));
  afterAll(removeTestBundles);

  const scan = (): Promise<Map<string, ImageRow>> => scanRows(h);

  it('lists a store as one row with the header its metadata gives, and nothing inside it', async () => {
    const rows = await scan();
    expect([...rows.keys()].filter((p) => p.startsWith('zarr/'))).toEqual(['zarr/cells.ome.zarr']);
    expect(rows.get('zarr/cells.ome.zarr')).toMatchObject({
      format: 'ome-zarr',
      header: {
        shape: '(2, 5, 64, 48)',
        dims: "('C', 'Z', 'Y', 'X')",
        dtype: 'uint16',
        num_channels: 2,
        num_scenes: 1,
      },
      fileCalibration: { x: 0.5, y: 0.5, unit: 'um', source: 'ngff' },
      sidecar: 'missing',
      errors: [],
    });
  });

  it('reads a store again when its first level’s metadata is rewritten in place', async () => {
    expect((await scan()).get('zarr/cells.ome.zarr')?.header?.shape).toBe('(2, 5, 64, 48)');
    // the same file written over: neither the store's folder nor its root metadata changes
    await writeFile(zarr('cells.ome.zarr/0/zarr.json'), json(array([2, 5, 64, 40])));
    expect((await scan()).get('zarr/cells.ome.zarr')?.header?.shape).toBe('(2, 5, 64, 40)');
  });

  it('shows its axes, levels and channels', async () => {
    const detail = await h.ok('getImageDetail', { path: 'zarr/cells.ome.zarr' });
    expect(detail.ngff).toMatchObject({
      version: '0.5',
      zarrFormat: 3,
      levels: [
        { path: '0', shape: [2, 5, 64, 48], chunks: [1, 1, 32, 32], dtype: 'uint16', scale: [1, 2, 0.5, 0.5] },
        { path: '1', shape: [2, 5, 32, 24], scale: [1, 2, 1, 1] },
      ],
      channels: [
        { label: 'DAPI', color: '0000FF' },
        { label: 'GFP', color: '00FF00' },
      ],
    });
    expect(detail.planes).toEqual({ c: 2, z: 5, t: 1 });
  });

  it('previews a plane at the level that fits, its values those zarr-python reads, sharded or not', async () => {
    for (const name of ['cells-04.ome.zarr', 'sharded-05.ome.zarr', 'blosc-04.ome.zarr'])
      await cp(path.join(NGFF, name), zarr(name), { recursive: true });
    const planes = JSON.parse(await readFile(path.join(NGFF, 'expected-planes.json'), 'utf8')) as Record<
      string,
      Record<string, number[]>
    >;
    const shown = (values: number[]): string => Buffer.from(autoContrast(values)).toString('base64');
    const preview = (name: string, plane: { c?: number; z?: number; maxSize: number }) =>
      h.ok('getPreview', { path: `zarr/${name}`, c: plane.c ?? 0, z: plane.z ?? 0, t: 0, maxSize: plane.maxSize });
    // no level is 64 wide: the full resolution
    expect(await preview('cells-04.ome.zarr', { c: 1, z: 2, maxSize: 64 })).toEqual({
      width: 36,
      height: 40,
      channels: 1,
      sourceWidth: 36,
      sourceHeight: 40,
      data: shown(planes['cells-04.ome.zarr']?.['level 0, c 1, z 2'] ?? []),
    });
    // level 1 (20 × 18) still fills 20 pixels: it is read, not level 0
    expect(await preview('cells-04.ome.zarr', { maxSize: 20 })).toMatchObject({
      width: 18,
      height: 20,
      sourceWidth: 18,
      data: shown(planes['cells-04.ome.zarr']?.['level 1, c 0, z 0'] ?? []),
    });
    expect(await preview('sharded-05.ome.zarr', { z: 1, maxSize: 64 })).toMatchObject({
      width: 4,
      height: 4,
      data: shown(planes['sharded-05.ome.zarr']?.['level 0, z 1'] ?? []),
    });
    // Blosc (zstd, bit shuffle) over a time axis
    expect(await h.ok('getPreview', { path: 'zarr/blosc-04.ome.zarr', c: 0, z: 0, t: 1, maxSize: 64 })).toMatchObject({
      width: 50,
      height: 30,
      data: shown(planes['blosc-04.ome.zarr']?.['level 0, t 1'] ?? []),
    });
    const past = await h.call('getPreview', { path: 'zarr/cells-04.ome.zarr', c: 2, z: 0, t: 0, maxSize: 64 });
    expect(past.ok).toBe(false);
  });

  it('reads a zipped store as one row, previews it and keeps its sidecar beside the zip, the zip untouched', async () => {
    for (const name of ['cells-04.ome.zarr.zip', 'sharded-05.ome.zarr.zip'])
      await copyFile(path.join(NGFF, name), zarr(name));
    await copyFile(path.join(NGFF, 'cells-04.ome.zarr.zip'), zarr('own.cs.ome.zarr.zip'));
    const zipped = await readFile(zarr('cells-04.ome.zarr.zip'));
    const rows = await scan();
    // CloudScope keeps its own zipped stores' sidecar inside the zip, where AcqMeta does not write
    expect([...rows.keys()].filter((p) => p.includes('.zip'))).toEqual([
      'zarr/cells-04.ome.zarr.zip',
      'zarr/sharded-05.ome.zarr.zip',
    ]);
    expect(rows.get('zarr/cells-04.ome.zarr.zip')).toMatchObject({
      format: 'ome-zarr',
      header: { shape: '(2, 3, 40, 36)', dims: "('C', 'Z', 'Y', 'X')", dtype: 'uint16', num_channels: 2 },
      fileCalibration: { x: 0.325, y: 0.325, unit: 'um', source: 'ngff' },
      sidecar: 'missing',
      errors: [],
    });
    expect(rows.get('zarr/sharded-05.ome.zarr.zip')).toMatchObject({ header: { dtype: 'int16' }, errors: [] });
    const planes = JSON.parse(await readFile(path.join(NGFF, 'expected-planes.json'), 'utf8')) as Record<
      string,
      Record<string, number[]>
    >;
    const shown = (values: number[]): string => Buffer.from(autoContrast(values)).toString('base64');
    // stored entries, and deflated ones (a sharded array, its index read as a range)
    expect(
      await h.ok('getPreview', { path: 'zarr/cells-04.ome.zarr.zip', c: 1, z: 2, t: 0, maxSize: 64 }),
    ).toMatchObject({ width: 36, height: 40, data: shown(planes['cells-04.ome.zarr']?.['level 0, c 1, z 2'] ?? []) });
    expect(
      await h.ok('getPreview', { path: 'zarr/sharded-05.ome.zarr.zip', c: 0, z: 1, t: 0, maxSize: 64 }),
    ).toMatchObject({ width: 4, height: 4, data: shown(planes['sharded-05.ome.zarr']?.['level 0, z 1'] ?? []) });
    const [outcome] = await h.ok('saveSidecars', {
      saves: [{ path: 'zarr/cells-04.ome.zarr.zip', changes: { species: 'mouse' }, expected: null }],
    });
    expect(outcome).toMatchObject({ ok: true, row: { sidecar: 'ok', values: { species: 'mouse' } } });
    const text = await readFile(zarr('cells-04.ome.zarr.zip.json'), 'utf8');
    expect(text).toContain('\n    "shape": "(2, 3, 40, 36)",\n');
    expect(text).toContain('\n    "species": "mouse",\n');
    expect(await readFile(zarr('cells-04.ome.zarr.zip'))).toEqual(zipped);
    // a damaged zip is its own row's error
    await writeFile(zarr('cells-04.ome.zarr.zip'), zipped.subarray(0, zipped.length - 30));
    expect((await scan()).get('zarr/cells-04.ome.zarr.zip')?.errors.join(' ')).toMatch(
      /OME-Zarr: zip: no end of central directory/,
    );
  });

  it('refuses the preview of a damaged chunk or of chunks too large to decode, and previews the next store', async () => {
    for (const name of ['damaged.ome.zarr', 'huge.ome.zarr', 'cells-04.ome.zarr'])
      await cp(path.join(NGFF, 'cells-04.ome.zarr'), zarr(name), { recursive: true });
    await writeFile(zarr('damaged.ome.zarr/0/1.2.0.0'), 'not zlib data');
    const zarray = JSON.parse(await readFile(zarr('huge.ome.zarr/0/.zarray'), 'utf8'));
    zarray.chunks = [2, 3, 40_000, 40_000];
    await writeFile(zarr('huge.ome.zarr/0/.zarray'), JSON.stringify(zarray));
    const preview = (name: string) => h.call('getPreview', { path: `zarr/${name}`, c: 1, z: 2, t: 0, maxSize: 64 });
    const damaged = await preview('damaged.ome.zarr');
    expect(damaged.ok).toBe(false);
    const huge = await preview('huge.ome.zarr');
    expect(huge).toMatchObject({ ok: false, error: { message: expect.stringContaining('too large to preview') } });
    expect(await preview('cells-04.ome.zarr')).toMatchObject({ ok: true, payload: { width: 36, height: 40 } });
  });

  it('refuses, with the reason, a chunk that would decode or read past its declared size', async () => {
    const copies = ['bomb', 'sparse', 'escaped', 'claims', 'lies', 'next'];
    for (const name of copies)
      await cp(
        path.join(NGFF, ['claims', 'lies'].includes(name) ? 'blosc-04.ome.zarr' : 'cells-04.ome.zarr'),
        zarr(`${name}.ome.zarr`),
        {
          recursive: true,
        },
      );
    // a zlib chunk of 64 MiB declared as one of 40 × 36 samples
    await writeFile(zarr('bomb.ome.zarr/0/1.2.0.0'), deflateSync(Buffer.alloc(64 * 1024 * 1024)));
    // a chunk file of 300 MiB (sparse: it costs no disk)
    await truncate(zarr('sparse.ome.zarr/0/1.2.0.0'), 300 * 1024 * 1024);
    // a dataset path zarrita would read as a URL: `0#` opens array `0`
    await rename(zarr('escaped.ome.zarr/0'), zarr('escaped.ome.zarr/0#'));
    const attrs = await readFile(zarr('escaped.ome.zarr/.zattrs'), 'utf8');
    await writeFile(zarr('escaped.ome.zarr/.zattrs'), attrs.replace('"path": "0"', '"path": "0#"'));
    await mkdir(zarr('escaped.ome.zarr/0'));
    // a Blosc chunk whose header claims 1 GiB (compressed, not stored as it is)
    const chunk = await readFile(zarr('claims.ome.zarr/0/1.0.0'));
    chunk.writeUInt8((chunk[2] as number) & ~0x02, 2);
    chunk.writeUInt32LE(1024 * 1024 * 1024, 4);
    await writeFile(zarr('claims.ome.zarr/0/1.0.0'), chunk);
    // a Blosc header alone, saying 4,096 bytes stored as they are follow it (the decoder would read past it)
    const header = Buffer.from([2, 1, 0x03, 1, 0, 16, 0, 0, 0, 16, 0, 0, 16, 16, 0, 0]);
    await writeFile(zarr('lies.ome.zarr/0/1.0.0'), header);

    const preview = (name: string, plane = { c: 1, z: 2, t: 0 }) =>
      h.call('getPreview', { path: `zarr/${name}.ome.zarr`, ...plane, maxSize: 64 });
    const refusal = (message: string) => ({ ok: false, error: { message: expect.stringContaining(message) } });
    expect(await preview('bomb')).toMatchObject(refusal('larger than'));
    expect(await preview('sparse')).toMatchObject(refusal('more than the'));
    expect(await preview('escaped')).toMatchObject(refusal('a preview of level "0#" is not made'));
    expect(await preview('claims', { c: 0, z: 0, t: 1 })).toMatchObject(refusal('declares 1073741824 bytes'));
    expect(await preview('lies', { c: 0, z: 0, t: 1 })).toMatchObject(
      refusal('a Blosc chunk whose header does not describe its bytes is not decoded'),
    );
    expect(await preview('next')).toMatchObject({ ok: true, payload: { width: 36, height: 40 } });
  });

  it('saves its fields in a sidecar beside the store, and writes nothing inside it', async () => {
    const before = await tree(zarr('cells.ome.zarr'));
    const [outcome] = await h.ok('saveSidecars', {
      saves: [{ path: 'zarr/cells.ome.zarr', changes: { species: 'mouse' }, expected: null }],
    });
    expect(outcome).toMatchObject({ ok: true, row: { sidecar: 'ok', values: { species: 'mouse' } } });
    const text = await readFile(zarr('cells.ome.zarr.json'), 'utf8');
    expect(text).toContain('\n    "shape": "(2, 5, 64, 48)",\n');
    expect(text).toContain('\n    "species": "mouse",\n');
    expect(await tree(zarr('cells.ome.zarr'))).toEqual(before);
  });

  it('takes no file inside a store for an image, and opens no store as the folder', async () => {
    const inside = 'zarr/cells.ome.zarr/1/inside.tif';
    const [outcome] = await h.ok('saveSidecars', {
      saves: [{ path: inside, changes: { species: 'mouse' }, expected: null }],
    });
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: expect.stringContaining('lies inside the OME-Zarr store zarr/cells.ome.zarr'),
      },
    });
    await expect(stat(zarr(`cells.ome.zarr/1/inside.tif.json`))).rejects.toThrow();
    for (const folder of [zarr('cells.ome.zarr'), zarr('cells.ome.zarr/1')]) {
      const opened = await h.call('openFolder', { path: folder });
      expect(opened).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', message: expect.stringContaining('OME-Zarr store') },
      });
    }
  });

  it('edits the sidecar CloudScope keeps inside its own store, as CloudScope writes it, and nothing else there', async () => {
    const store = 'zarr/timelapse.cs.ome.zarr';
    await cp(zarr('cells.ome.zarr'), zarr('timelapse.cs.ome.zarr'), { recursive: true });
    await mkdir(zarr('timelapse.cs.ome.zarr/acqstore'));
    const inside = zarr('timelapse.cs.ome.zarr/acqstore/acq_image.json');
    const original = await readFile(path.join(FIXTURES, 'sidecars/canonical.tif.json'), 'utf8');
    await writeFile(inside, original);
    // a plain store holding the same folder keeps its sidecar beside, as CloudScope reads it
    await mkdir(zarr('cells.ome.zarr/acqstore'));
    await writeFile(zarr('cells.ome.zarr/acqstore/acq_image.json'), original);
    const rows = await scan();
    expect(rows.get(store)).toMatchObject({ sidecar: 'ok', values: { species: 'mouse' } });
    expect(rows.get('zarr/cells.ome.zarr')).toMatchObject({ sidecar: 'missing' });

    const before = await tree(zarr('timelapse.cs.ome.zarr'));
    const row = await h.ok('reloadRow', { path: store });
    const [outcome] = await h.ok('saveSidecars', {
      saves: [{ path: store, changes: { species: 'rat' }, expected: row.version }],
    });
    expect(outcome).toMatchObject({ ok: true, row: { sidecar: 'ok', values: { species: 'rat' } } });
    // only the edited line changed; nothing beside the store, no lock or temp file left inside it
    expect(await readFile(inside, 'utf8')).toBe(original.replace('"species": "mouse"', '"species": "rat"'));
    await expect(stat(zarr('timelapse.cs.ome.zarr.json'))).rejects.toThrow();
    expect(await tree(zarr('timelapse.cs.ome.zarr'))).toEqual(before);

    const [beside] = await h.ok('saveSidecars', {
      saves: [{ path: 'zarr/cells.ome.zarr', changes: { species: 'rat' }, expected: null }],
    });
    expect(beside?.ok).toBe(true);
    expect(await readFile(zarr('cells.ome.zarr.json'), 'utf8')).toContain('"species": "rat"');
    expect(await readFile(zarr('cells.ome.zarr/acqstore/acq_image.json'), 'utf8')).toBe(original);
  });

  it('follows the inside sidecar in the scan cache, and warns of a sidecar CloudScope left beside the store', async () => {
    const store = 'zarr/t.cs.ome.zarr';
    await cp(zarr('cells.ome.zarr'), zarr('t.cs.ome.zarr'), { recursive: true });
    await mkdir(zarr('t.cs.ome.zarr/acqstore'));
    const original = await readFile(path.join(FIXTURES, 'sidecars/canonical.tif.json'), 'utf8');
    await writeFile(zarr('t.cs.ome.zarr/acqstore/acq_image.json'), original);
    // CloudScope's ordinary save writes one beside the store too, which it does not read back
    await writeFile(zarr('t.cs.ome.zarr.json'), original);
    const first = (await scan()).get(store);
    expect(first?.values.species).toBe('mouse');
    expect(first?.errors).toContain(
      'There is also a sidecar beside this store (t.cs.ome.zarr.json), which CloudScope writes when it saves but does not read back: AcqMeta shows and edits the one CloudScope reads, inside the store (t.cs.ome.zarr/acqstore/acq_image.json)',
    );
    // the inside file rewritten to the same size: the cache must not answer from the file beside
    await writeFile(zarr('t.cs.ome.zarr/acqstore/acq_image.json'), original.replace('"mouse"', '"moose"'));
    expect((await scan()).get(store)?.values.species).toBe('moose');
  });

  it('keeps a damaged inside sidecar beside the store when it is rebuilt, nothing more inside', async () => {
    await cp(zarr('cells.ome.zarr'), zarr('d.cs.ome.zarr'), { recursive: true });
    await mkdir(zarr('d.cs.ome.zarr/acqstore'));
    await writeFile(zarr('d.cs.ome.zarr/acqstore/acq_image.json'), '{"version": 2, "exp');
    const before = await tree(zarr('d.cs.ome.zarr'));
    const [outcome] = await h.ok('saveSidecars', {
      saves: [{ path: 'zarr/d.cs.ome.zarr', changes: { species: 'rat' }, expected: null, replaceDamaged: {} }],
    });
    expect(outcome).toMatchObject({ ok: true, row: { sidecar: 'ok', values: { species: 'rat' } } });
    expect(await tree(zarr('d.cs.ome.zarr'))).toEqual(before);
    const kept = (await readdir(zarr(''))).filter((name) =>
      name.startsWith('d.cs.ome.zarr.acqstore.acq_image.json.damaged-'),
    );
    expect(kept).toHaveLength(1);
    expect(await readFile(zarr(kept[0] as string), 'utf8')).toBe('{"version": 2, "exp');
  });

  it('writes no inside sidecar in a store whose acqstore is a file, or reached by a link named as CloudScope’s', async () => {
    await cp(zarr('cells.ome.zarr'), zarr('f.cs.ome.zarr'), { recursive: true });
    await writeFile(zarr('f.cs.ome.zarr/acqstore'), 'not a folder');
    await symlink(zarr('cells.ome.zarr'), zarr('alias.cs.ome.zarr'));
    await mkdir(zarr('cells.ome.zarr/acqstore'));
    const save = async (store: string) =>
      (await h.ok('saveSidecars', { saves: [{ path: store, changes: { species: 'rat' }, expected: null }] }))[0];
    expect(await save('zarr/f.cs.ome.zarr')).toMatchObject({
      ok: false,
      error: { message: 'zarr/f.cs.ome.zarr has an acqstore that is not a folder, so its sidecar cannot be written' },
    });
    expect(await save('zarr/alias.cs.ome.zarr')).toMatchObject({
      ok: false,
      error: {
        message:
          "zarr/alias.cs.ome.zarr links to cells.ome.zarr, which is not one of CloudScope's own stores (their sidecar is inside), so its sidecar cannot be written",
      },
    });
    expect(await readdir(zarr('cells.ome.zarr/acqstore'))).toEqual([]);
  });

  it('creates no acqstore folder in a CloudScope store that lacks one, and says why', async () => {
    await cp(zarr('cells.ome.zarr'), zarr('bare.cs.ome.zarr'), { recursive: true });
    const before = await tree(zarr('bare.cs.ome.zarr'));
    const [outcome] = await h.ok('saveSidecars', {
      saves: [{ path: 'zarr/bare.cs.ome.zarr', changes: { species: 'rat' }, expected: null }],
    });
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message:
          'zarr/bare.cs.ome.zarr has no acqstore folder, which CloudScope writes with its own stores; AcqMeta makes nothing inside a store, so its sidecar cannot be written',
      },
    });
    expect(await tree(zarr('bare.cs.ome.zarr'))).toEqual(before);
    await expect(stat(zarr('bare.cs.ome.zarr.json'))).rejects.toThrow();
  });

  it('writes no sidecar through an acqstore folder that links out of the open folder', async () => {
    const outside = path.join(copy.base, 'outside');
    await mkdir(outside);
    await writeFile(
      path.join(outside, 'acq_image.json'),
      await readFile(path.join(FIXTURES, 'sidecars/canonical.tif.json')),
    );
    await cp(zarr('cells.ome.zarr'), zarr('linked.cs.ome.zarr'), { recursive: true });
    await symlink(outside, zarr('linked.cs.ome.zarr/acqstore'));
    expect((await scan()).get('zarr/linked.cs.ome.zarr')).toMatchObject({
      sidecar: 'invalid',
      errors: ['The sidecar links outside the folder; it is not read.'],
    });
    const [outcome] = await h.ok('saveSidecars', {
      saves: [{ path: 'zarr/linked.cs.ome.zarr', changes: { species: 'rat' }, expected: null }],
    });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'OUTSIDE_FOLDER' } });
    expect(await readFile(path.join(outside, 'acq_image.json'), 'utf8')).toContain('"species": "mouse"');
  });

  it('gives each hostile store one row with a clear error, and reads nothing outside the store', async () => {
    // metadata that is a link out of the store
    await writeStore(zarr('linked.ome.zarr'));
    await writeFile(path.join(copy.lab, 'outside.json'), json(GROUP));
    await rm(zarr('linked.ome.zarr/zarr.json'));
    await symlink(path.join(copy.lab, 'outside.json'), zarr('linked.ome.zarr/zarr.json'));
    // a level path that leaves the store
    const escaping = structuredClone(GROUP);
    escaping.attributes.ome.multiscales[0]!.datasets[1]!.path = '../cells.ome.zarr/0';
    await writeStore(zarr('escaping.ome.zarr'), escaping);
    // not JSON; no metadata at all; a file named like a store
    await writeStore(zarr('junk.ome.zarr'));
    await writeFile(zarr('junk.ome.zarr/zarr.json'), '{"zarr_format": 3, "node_');
    await mkdir(zarr('empty.zarr'));
    await writeFile(zarr('file.ome.zarr'), 'not a folder');
    const rows = await scan();
    const errorOf = (rel: string): string => {
      const row = rows.get(`zarr/${rel}`);
      expect(row, rel).toMatchObject({ format: 'ome-zarr', header: null });
      return (row?.errors ?? []).join(' ');
    };
    expect(errorOf('linked.ome.zarr')).toBe(
      'linked.ome.zarr: OME-Zarr: zarr.json is a link inside the store; links are not followed',
    );
    expect(errorOf('escaping.ome.zarr')).toBe(
      'escaping.ome.zarr: OME-Zarr: zarr.json: the dataset path "../cells.ome.zarr/0" is not a plain path inside the store',
    );
    expect(errorOf('junk.ome.zarr')).toBe('junk.ome.zarr: OME-Zarr: zarr.json is not JSON');
    expect(errorOf('empty.zarr')).toBe(
      'empty.zarr: OME-Zarr: no zarr.json or .zattrs: this folder is not a Zarr store',
    );
    expect(errorOf('file.ome.zarr')).toBe('file.ome.zarr: OME-Zarr: a store is a folder, and this is a file');
    // the good store still reads
    expect(rows.get('zarr/cells.ome.zarr')?.errors).toEqual([]);
  });
});
