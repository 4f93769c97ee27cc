/**
 * An acqstore collection (`x.ome.zarr` with `acqstore/acq_image_collection.json`) is read as the
 * images its manifest lists: a row each, its sidecar inside, edited there and nowhere else.
 */
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImageRow } from '../../../../../shared/api';
import type { LabCopy } from '../folder/lab-folder';
import { removeTestBundles, scanRows, startOnLab, stopOnLab, type Harness } from './backend-harness';

const LAB_COLLECTION = fileURLToPath(new URL('../../../../fixtures/ngff/lab.ome.zarr', import.meta.url));
const MEMBERS = ['acq_image_000', 'acq_image_001', 'acq_image_002'].map((m) => `zarr/lab.ome.zarr/acq_images/${m}`);
const MANIFEST = 'zarr/lab.ome.zarr/acqstore/acq_image_collection.json';
const VASCULAR = fileURLToPath(new URL('../../../../../profiles/vascular-lab.profile.json', import.meta.url));

/** Every path under `dir`, relative and sorted. */
async function tree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

describe('backend on acqstore collections', () => {
  let copy: LabCopy;
  let h: Harness;
  const lab = (rel: string): string => path.join(copy.lab, ...rel.split('/'));
  beforeEach(async () => {
    ({ copy, h } = await startOnLab((root) => ({ cacheDir: path.join(path.dirname(root), 'scan-cache') })));
    await cp(LAB_COLLECTION, lab('zarr/lab.ome.zarr'), { recursive: true });
  });
  afterEach(() => stopOnLab(copy, h));
  afterAll(removeTestBundles);

  const scan = (): Promise<Map<string, ImageRow>> => scanRows(h);
  const inCollection = (rows: Map<string, ImageRow>): string[] =>
    [...rows.keys()].filter((p) => p.startsWith('zarr/lab.ome.zarr'));

  async function rewriteManifest(edit: (manifest: { acq_images: Record<string, unknown>[] }) => void): Promise<void> {
    const manifest = JSON.parse(await readFile(lab(MANIFEST), 'utf8')) as { acq_images: Record<string, unknown>[] };
    edit(manifest);
    await writeFile(lab(MANIFEST), JSON.stringify(manifest, null, 2));
  }

  it('lists each image the manifest lists as a row, its header from its store and its sidecar from inside', async () => {
    const rows = await scan();
    expect(inCollection(rows)).toEqual(MEMBERS);
    expect(rows.get(MEMBERS[0] as string)).toMatchObject({
      format: 'ome-zarr',
      header: { shape: '(3000, 24)', dims: "('Y', 'X')", dtype: 'uint16' },
      sidecar: 'ok',
      values: { genotype: 'APP/PS1', physical_unit_x: 0.3107 },
      errors: [],
      exportedFrom: 'ls_02.tif',
    });
    // as a scan lists it, so a request reads it
    expect(await h.ok('reloadRow', { path: MEMBERS[2] as string })).toMatchObject({ exportedFrom: 'ls_04.tif' });
    // their analysis records are the folder's results, as any image's
    expect(rows.get(MEMBERS[1] as string)?.results).toBeDefined();
    const table = await h.ok('exportResults', { format: 'csv' });
    const csv = Buffer.from(table.base64, 'base64').toString('utf8');
    for (const member of MEMBERS) expect(csv).toContain(`${member},`);
  });

  it('saves a field inside the image’s folder, as CloudScope writes it, and nothing else in the collection', async () => {
    await scan();
    const member = MEMBERS[2] as string;
    const inside = lab(`${member}/acqstore/acq_image.json`);
    const original = await readFile(inside, 'utf8');
    const before = await tree(lab('zarr/lab.ome.zarr'));
    const row = await h.ok('reloadRow', { path: member });
    const [outcome] = await h.ok('saveSidecars', {
      saves: [{ path: member, changes: { region: 'cortex L5' }, expected: row.version }],
    });
    expect(outcome).toMatchObject({ ok: true, row: { values: { region: 'cortex L5' } } });
    expect(await readFile(inside, 'utf8')).toBe(original.replace(/"region": "[^"]*"/, '"region": "cortex L5"'));
    // no lock, journal, temp file or sidecar beside left in the collection
    expect(await tree(lab('zarr/lab.ome.zarr'))).toEqual(before);
  });

  it('keeps the damaged sidecar of a collection’s image beside the collection when it is rebuilt', async () => {
    const member = MEMBERS[0] as string;
    await writeFile(lab(`${member}/acqstore/acq_image.json`), '{"version": 2, "exp');
    const before = await tree(lab('zarr/lab.ome.zarr'));
    const [outcome] = await h.ok('saveSidecars', {
      saves: [{ path: member, changes: { species: 'rat' }, expected: null, replaceDamaged: {} }],
    });
    expect(outcome).toMatchObject({ ok: true, row: { sidecar: 'ok', values: { species: 'rat' } } });
    expect(await tree(lab('zarr/lab.ome.zarr'))).toEqual(before);
    const kept = (await readdir(lab('zarr'))).filter((name) => name.includes('.damaged-'));
    expect(kept).toEqual([
      expect.stringMatching(/^lab\.ome\.zarr\.acq_images\.acq_image_000\.acqstore\.acq_image\.json\.damaged-/),
    ]);
  });

  it('names the entries it does not read in a row of the collection, and lists the others', async () => {
    await rewriteManifest((manifest) => {
      const [first, second] = manifest.acq_images as [Record<string, unknown>, Record<string, unknown>];
      manifest.acq_images.push(
        { ...first, ome_zarr_path: '../outside', sidecar_path: '../outside/acqstore/acq_image.json' },
        { ...first, ome_zarr_path: 'acq_images/acq_image_000' },
        { ...second, sidecar_path: 'acq_images/acq_image_001/acq_image.json' },
      );
    });
    const rows = await scan();
    expect(inCollection(rows)).toEqual(['zarr/lab.ome.zarr', ...MEMBERS]);
    expect(rows.get('zarr/lab.ome.zarr')?.errors).toEqual([
      `lab.ome.zarr: OME-Zarr: this acqstore collection's manifest lists images AcqMeta does not read (entry 4: its ome_zarr_path "../outside" is not acq_images/<name>; entry 5: acq_images/acq_image_000 is listed twice; entry 6: its sidecar_path "acq_images/acq_image_001/acq_image.json" is not "acq_images/acq_image_001/acqstore/acq_image.json"); its other images are rows of their own.`,
    ]);
  });

  it('gives a collection whose manifest cannot be read one row that says why', async () => {
    await writeFile(lab(MANIFEST), '{"format": "acqstore-acq-image-collection", "version": 1, "acq_images": [');
    const rows = await scan();
    expect(inCollection(rows)).toEqual(['zarr/lab.ome.zarr']);
    expect(rows.get('zarr/lab.ome.zarr')?.errors).toEqual([
      'lab.ome.zarr: OME-Zarr: acqstore/acq_image_collection.json is not JSON',
    ]);
  });

  it('follows no link to a manifest, and reads nothing outside the collection', async () => {
    const outside = path.join(path.dirname(copy.lab), 'elsewhere.json');
    await cp(lab(MANIFEST), outside);
    await rm(lab(MANIFEST));
    await symlink(outside, lab(MANIFEST));
    const rows = await scan();
    expect(inCollection(rows)).toEqual(['zarr/lab.ome.zarr']);
    expect(rows.get('zarr/lab.ome.zarr')?.errors).toEqual([
      'lab.ome.zarr: OME-Zarr: acqstore/acq_image_collection.json is a link inside the store; links are not followed',
    ]);
  });

  it('refuses a folder of the collection its manifest does not list, and shows a listed image that is gone', async () => {
    await cp(lab(MEMBERS[0] as string), lab('zarr/lab.ome.zarr/acq_images/stray'), { recursive: true });
    await rm(lab(MEMBERS[1] as string), { recursive: true });
    const rows = await scan();
    expect(inCollection(rows)).toEqual(MEMBERS);
    expect(rows.get(MEMBERS[1] as string)?.errors).toEqual(['acq_image_001: file not found']);
    expect(await h.call('reloadRow', { path: 'zarr/lab.ome.zarr/acq_images/stray' })).toMatchObject({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: "zarr/lab.ome.zarr/acq_images/stray is not an image its collection's manifest lists.",
      },
    });
    const [outcome] = await h.ok('saveSidecars', {
      saves: [{ path: 'zarr/lab.ome.zarr/acq_images/stray', changes: { species: 'rat' }, expected: null }],
    });
    expect(outcome?.ok).toBe(false);
    expect(await readFile(lab('zarr/lab.ome.zarr/acq_images/stray/acqstore/acq_image.json'), 'utf8')).toBe(
      await readFile(lab(`${MEMBERS[0]}/acqstore/acq_image.json`), 'utf8'),
    );
  });

  it('reads neither the pixels nor the sidecar of an image folder that is a link, and saves nothing through it', async () => {
    const member = MEMBERS[1] as string;
    for (const [target, code] of [
      // out of the open folder, and inside it: the link itself is what is refused
      [path.join(path.dirname(copy.lab), 'outside-image'), 'OUTSIDE_FOLDER'],
      [lab('zarr/elsewhere'), 'NOT_FOUND'],
    ] as const) {
      await cp(path.join(LAB_COLLECTION, 'acq_images/acq_image_001'), target, { recursive: true });
      await rm(lab(member), { recursive: true, force: true });
      await symlink(target, lab(member));
      const row = (await scan()).get(member);
      expect(row).toMatchObject({
        header: null,
        sidecar: 'missing',
        errors: [
          'acq_image_001: OME-Zarr: acq_images/acq_image_001 is a link inside its collection; links are not followed',
        ],
      });
      // nothing of the linked sidecar (genotype WT) was read
      expect(row?.values.genotype).toBe('');
      const [outcome] = await h.ok('saveSidecars', {
        saves: [{ path: member, changes: { species: 'rat' }, expected: null }],
      });
      expect(outcome).toMatchObject({ ok: false, error: { code } });
      expect(await readFile(path.join(target, 'acqstore', 'acq_image.json'), 'utf8')).not.toContain('"rat"');
    }
  });

  it('keeps no lab file inside a collection: a profile there is not in force, no channel table is written there', async () => {
    await cp(VASCULAR, lab('zarr/lab.ome.zarr/acq_images/acqmeta.profile.json'));
    const rows = await scan();
    expect(rows.get(MEMBERS[0] as string)?.profile).toBeNull();
    expect((await h.ok('getProfiles', {})).map((p) => p.source)).not.toContain(
      'zarr/lab.ome.zarr/acq_images/acqmeta.profile.json',
    );
    expect(await h.call('getChannelTable', { folder: 'zarr/lab.ome.zarr/acq_images' })).toMatchObject({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: expect.stringContaining('lies inside the OME-Zarr store zarr/lab.ome.zarr'),
      },
    });
  });

  it('writes no sidecar of an image whose acqstore folder is missing, and makes none', async () => {
    const member = MEMBERS[1] as string;
    await rm(lab(`${member}/acqstore`), { recursive: true });
    await mkdir(lab(`${member}/extra`));
    const before = await tree(lab('zarr/lab.ome.zarr'));
    const [outcome] = await h.ok('saveSidecars', {
      saves: [{ path: member, changes: { species: 'rat' }, expected: null }],
    });
    expect(outcome).toMatchObject({ ok: false, error: { message: expect.stringContaining('has no acqstore folder') } });
    expect(await tree(lab('zarr/lab.ome.zarr'))).toEqual(before);
  });
});
