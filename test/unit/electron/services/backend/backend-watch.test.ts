/**
 * The open folder is live: changes other programs make arrive as `folder-changed` events with
 * the rows read again; our own saves do not come back; another folder's changes stop.
 */
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ApiEvent, FolderChangedEvent } from '../../../../../shared/api';
import type { LabCopy } from '../folder/lab-folder';
import { removeTestBundles, startOnLab, stopOnLab, type Harness } from './backend-harness';

const OME = 'cells/multi-channel.ome.tif';
const VASCULAR = fileURLToPath(new URL('../../../../../profiles/vascular-lab.profile.json', import.meta.url));
const BURST = 5_000;
const NGFF = fileURLToPath(new URL('../../../../fixtures/ngff/', import.meta.url));
const CANONICAL = fileURLToPath(new URL('../../../../fixtures/sidecars/canonical.tif.json', import.meta.url));
const isChange = (event: ApiEvent): event is FolderChangedEvent => event.type === 'folder-changed';

describe.each(['native', 'poll'] as const)('backend folder watching (%s)', (mode) => {
  let copy: LabCopy;
  let h: Harness;
  const lab = (rel: string) => path.join(copy.lab, rel);
  const changes = () => h.events.filter(isChange);
  /** Resolves with the first change event (from now on) that `match`es. */
  const next = (match: (event: FolderChangedEvent) => boolean) => {
    const seen = h.events.length;
    return h.waitFor(
      (event) => h.events.indexOf(event) >= seen && isChange(event) && match(event),
    ) as Promise<FolderChangedEvent>;
  };
  const rowOf = (event: FolderChangedEvent, rel: string) => event.rows.find((row) => row.path === rel);

  async function start(): Promise<void> {
    ({ copy, h } = await startOnLab(() => ({
      watch: { mode, pollIntervalMs: 50, timing: { quietMs: 30, maxWaitMs: 200 } },
    })));
    await h.ok('scanFolder', {}); // as the app does: watching starts once the first rows are out
    await watching(copy.lab);
    const firstRows = h.events.findIndex((e) => e.type === 'scan-rows');
    expect(firstRows).toBeGreaterThanOrEqual(0);
    expect(h.events.findIndex((e) => e.type === 'folder-watching')).toBeGreaterThan(firstRows);
  }

  /** Resolves once changes under `root` will be seen. */
  const watching = (root: string) =>
    h.waitFor((e) => e.type === 'folder-watching' && e.root === root && e.mode === mode);

  afterEach(async () => {
    await stopOnLab(copy, h);
  });
  afterAll(removeTestBundles);

  it('sends the new values of a sidecar another program changed', async () => {
    await start();
    const sidecar = lab(`${OME}.json`);
    const changed = next((e) => rowOf(e, OME) !== undefined);
    writeFileSync(sidecar, readFileSync(sidecar, 'utf8').replace('"species": "mouse"', '"species": "vole"'));
    const event = await changed;
    expect(event.root).toBe(copy.lab);
    expect((await h.ok('getSession', {})).watching).toEqual({ root: copy.lab, mode });
    expect(rowOf(event, OME)).toMatchObject({
      sidecar: 'ok',
      values: { species: 'vole' },
      header: { dims: "('C', 'Y', 'X')" },
    });
  });

  it('reads again, once the scan is over, a sidecar another program changed after the scan had read it', async () => {
    ({ copy, h } = await startOnLab(() => ({
      watch: { mode, pollIntervalMs: 50, timing: { quietMs: 30, maxWaitMs: 200 } },
    })));
    const sidecar = lab(`${OME}.json`);
    // changed as its row goes out, while the scan still runs and before anything watches the folder
    const stop = h.backend.onEvent((event) => {
      if (event.type !== 'scan-rows' || !event.rows.some((row) => row.path === OME)) return;
      stop();
      writeFileSync(sidecar, readFileSync(sidecar, 'utf8').replace('"species": "mouse"', '"species": "vole"'));
    });
    const changed = next((e) => rowOf(e, OME) !== undefined);
    await h.ok('scanFolder', {});
    const sent = (await h.waitFor((e) => e.type === 'scan-rows' && e.rows.some((row) => row.path === OME))) as Extract<
      ApiEvent,
      { type: 'scan-rows' }
    >;
    expect(sent.rows.find((row) => row.path === OME)?.values.species).toBe('mouse');
    expect(rowOf(await changed, OME)?.values.species).toBe('vole');
    expect(h.events.findIndex((e) => e.type === 'folder-watching')).toBeGreaterThan(
      h.events.findIndex((e) => e.type === 'scan-done'),
    );
  });

  it('leaves the watch to the scan that replaced the first one, which it then catches up on', async () => {
    ({ copy, h } = await startOnLab(() => ({
      watch: { mode, pollIntervalMs: 50, timing: { quietMs: 30, maxWaitMs: 200 } },
    })));
    // more images than a first batch holds: the first scan is still reading when the second starts
    mkdirSync(lab('many'));
    for (let i = 0; i < 40; i++) cpSync(lab('plain.tiff'), lab(`many/copy-${String(i).padStart(2, '0')}.tif`));
    let second: Promise<unknown> | null = null;
    const stop = h.backend.onEvent((event) => {
      if (event.type !== 'scan-rows' || second !== null) return;
      stop();
      second = h.ok('scanFolder', {});
    });
    const first = await h.ok('scanFolder', {});
    await h.waitFor((e) => e.type === 'scan-done');
    await watching(copy.lab);
    const done = h.events.filter((e) => e.type === 'scan-done');
    expect(done.map((e) => e.type === 'scan-done' && e.scanId)).not.toContain(first.scanId);
    expect(h.events.findIndex((e) => e.type === 'folder-watching')).toBeGreaterThan(h.events.indexOf(done[0]!));
    await second;
  });

  it('says when a lab profile file comes, and reads changed rows with the profile in force', async () => {
    await start();
    const profiled = next((e) => e.profiles);
    cpSync(VASCULAR, lab('acqmeta.profile.json'));
    expect((await profiled).profiles).toBe(true);
    const sidecar = lab(`${OME}.json`);
    const changed = next((e) => rowOf(e, OME) !== undefined);
    writeFileSync(sidecar, readFileSync(sidecar, 'utf8').replace('"species": "mouse"', '"species": "vole"'));
    const event = await changed;
    expect(rowOf(event, OME)).toMatchObject({ profile: 'acqmeta.profile.json', values: { species: 'vole' } });
    expect(rowOf(event, OME)?.profileProblems.map((p) => p.field)).toContain('species');
  });

  it('says whose microscope descriptions were saved or written by another program, so that those rows are matched again', async () => {
    await start();
    let event = next((e) => e.catalogues.length > 0);
    const text = '{"Name":"A","Schema_ID":"Instrument.json","ID":"a","components":[]}';
    await h.ok('saveInstrumentFile', { file: 'acqmeta.instruments/a.json', text, expected: null });
    expect(await event).toMatchObject({ profiles: true, catalogues: [''] });
    event = next((e) => e.catalogues.includes('cells'));
    mkdirSync(lab('cells/acqmeta.instruments'));
    writeFileSync(lab('cells/acqmeta.instruments/b.json'), text);
    expect((await event).profiles).toBe(true);
  });

  it('sends new images, new folders of images, and the paths of images and folders that are gone', async () => {
    await start();
    let event = next((e) => rowOf(e, 'cells/copy.tif') !== undefined);
    cpSync(lab(OME), lab('cells/copy.tif'));
    expect(rowOf(await event, 'cells/copy.tif')).toMatchObject({ sidecar: 'missing', format: 'tiff' });

    event = next((e) => rowOf(e, 'new/deeper/a.tif') !== undefined);
    mkdirSync(lab('new/deeper'), { recursive: true });
    cpSync(lab(OME), lab('new/deeper/a.tif'));
    expect(rowOf(await event, 'new/deeper/a.tif')?.format).toBe('tiff');

    event = next((e) => e.removed.includes(OME));
    rmSync(lab(OME));
    expect((await event).removed).toContain(OME);

    event = next((e) => e.removed.some((p) => p === 'new' || p === 'new/deeper/a.tif'));
    rmSync(lab('new'), { recursive: true });
    await event;
  });

  it('lists the lab profile of a folder whose first image came after the scan, and not once its images are gone', async () => {
    await start();
    await h.waitFor((e) => e.type === 'scan-done');
    const profiles = async () => (await h.ok('getProfiles', {})).map((p) => p.source);
    expect(await profiles()).toEqual([]);
    mkdirSync(lab('animal-7'));
    cpSync(VASCULAR, lab('animal-7/acqmeta.profile.json'));
    let event = next((e) => rowOf(e, 'animal-7/cell.tif') !== undefined);
    cpSync(lab(OME), lab('animal-7/cell.tif'));
    expect(rowOf(await event, 'animal-7/cell.tif')?.profile).toBe('animal-7/acqmeta.profile.json');
    expect(await profiles()).toEqual(['animal-7/acqmeta.profile.json']);
    event = next((e) => e.removed.includes('animal-7/cell.tif'));
    rmSync(lab('animal-7/cell.tif'));
    await event;
    expect(await profiles()).toEqual([]);
  });

  it('sees images come and go in the subfolders of a folder moved in, as a session copied from the microscope', async () => {
    await start();
    const outside = path.join(path.dirname(copy.lab), 'acquired');
    mkdirSync(path.join(outside, 'session-12', 'cell-1'), { recursive: true });
    cpSync(lab(OME), path.join(outside, 'session-12', 'cell-1', 'a.tif'));
    let event = next((e) => rowOf(e, 'session-12/cell-1/a.tif') !== undefined);
    renameSync(path.join(outside, 'session-12'), lab('session-12'));
    await event;
    event = next((e) => rowOf(e, 'session-12/cell-1/b.tif') !== undefined);
    cpSync(lab(OME), lab('session-12/cell-1/b.tif'));
    expect(rowOf(await event, 'session-12/cell-1/b.tif')?.format).toBe('tiff');
    event = next((e) => e.removed.includes('session-12/cell-1/a.tif'));
    rmSync(lab('session-12/cell-1/a.tif'));
    await event;
  });

  it('sees images come in the subfolders of a folder renamed while open, under its new name', async () => {
    ({ copy, h } = await startOnLab(() => ({
      watch: { mode, pollIntervalMs: 50, timing: { quietMs: 30, maxWaitMs: 200 } },
    })));
    mkdirSync(lab('day-1/cell-1'), { recursive: true });
    cpSync(lab(OME), lab('day-1/cell-1/a.tif'));
    await h.ok('scanFolder', {});
    await watching(copy.lab);
    let event = next((e) => rowOf(e, 'day-2/cell-1/a.tif') !== undefined);
    renameSync(lab('day-1'), lab('day-2'));
    await event;
    event = next((e) => rowOf(e, 'day-2/cell-1/b.tif') !== undefined);
    cpSync(lab(OME), lab('day-2/cell-1/b.tif'));
    expect(rowOf(await event, 'day-2/cell-1/b.tif')?.format).toBe('tiff');
  });

  it('sees a store come, copied in as a tree, and its root metadata rewritten in place', async () => {
    await start();
    const store = 'zarr/cells-04.ome.zarr';
    let event = next((e) => rowOf(e, store)?.header?.shape === '(2, 3, 40, 36)');
    cpSync(path.join(NGFF, 'cells-04.ome.zarr'), lab(store), { recursive: true });
    expect(rowOf(await event, store)).toMatchObject({ format: 'ome-zarr', errors: [] });

    // as a script editing the image's name: the same file, written over (the folder's time stays)
    event = next((e) => rowOf(e, store)?.errors.some((m) => m.includes('describes no multiscale image')) === true);
    writeFileSync(lab(`${store}/.zattrs`), '{"omero": {}}\n');
    await event;
  });

  it('reads the sidecar CloudScope writes inside its own store, and does not send our save of it back', async () => {
    await start();
    const store = 'zarr/t.cs.ome.zarr';
    let event = next((e) => rowOf(e, store) !== undefined);
    cpSync(path.join(NGFF, 'cells-04.ome.zarr'), lab(store), { recursive: true });
    await event;
    event = next((e) => rowOf(e, store) !== undefined);
    mkdirSync(lab(`${store}/acqstore`));
    await event;
    event = next((e) => rowOf(e, store)?.values.species === 'mouse');
    writeFileSync(lab(`${store}/acqstore/acq_image.json`), readFileSync(CANONICAL));
    await event;

    const row = await h.ok('reloadRow', { path: store });
    const [saved] = await h.ok('saveSidecars', {
      saves: [{ path: store, changes: { species: 'rat' }, expected: row.version }],
    });
    expect(saved?.ok).toBe(true);
    const seen = changes().length;
    // another program's change after ours: once it arrives, ours would have arrived before it
    const later = next((e) => rowOf(e, 'other/scan_01.oir') !== undefined);
    const other = lab('other/scan_01.oir.json');
    writeFileSync(other, readFileSync(other, 'utf8').replace('"species": "mouse"', '"species": "rat"'));
    await later;
    expect(
      changes()
        .slice(seen)
        .flatMap((e) => e.rows.map((r) => r.path)),
    ).not.toContain(store);
  });

  it('follows the images of an acqstore collection: one that arrives, a sidecar changed, one no longer listed', async () => {
    await start();
    const members = ['acq_image_000', 'acq_image_001', 'acq_image_002'].map((m) => `zarr/lab.ome.zarr/acq_images/${m}`);
    const [first, second, third] = members as [string, string, string];
    let event = next((e) => rowOf(e, third) !== undefined);
    cpSync(path.join(NGFF, 'lab.ome.zarr'), lab('zarr/lab.ome.zarr'), { recursive: true });
    expect(rowOf(await event, third)).toMatchObject({ format: 'ome-zarr', sidecar: 'ok' });

    const inside = lab(`${first}/acqstore/acq_image.json`);
    event = next((e) => rowOf(e, first)?.values.species === 'vole');
    writeFileSync(inside, readFileSync(inside, 'utf8').replace('"species": "mouse"', '"species": "vole"'));
    await event;

    const manifestPath = lab('zarr/lab.ome.zarr/acqstore/acq_image_collection.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { acq_images: { ome_zarr_path: string }[] };
    manifest.acq_images = manifest.acq_images.filter((entry) => !second.endsWith(entry.ome_zarr_path));
    event = next((e) => e.removed.includes(second));
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
    // only the image dropped leaves (the others may be read again by events still on their way)
    expect((await event).removed).toEqual([second]);

    // a listed image whose folder goes stays a row that says so, as a scan lists it
    event = next((e) => rowOf(e, third)?.header === null);
    rmSync(lab(third), { recursive: true });
    expect(rowOf(await event, third)).toMatchObject({ errors: ['acq_image_002: file not found'] });
  });

  it('does not send our own saves back', async () => {
    await start();
    const row = await h.ok('reloadRow', { path: OME });
    const [saved] = await h.ok('saveSidecars', {
      saves: [{ path: OME, changes: { species: 'rat' }, expected: row.version }],
    });
    expect(saved?.ok).toBe(true);
    // Another program's change after ours: once it arrives, ours would have arrived before it.
    const later = next((e) => rowOf(e, 'other/scan_01.oir') !== undefined);
    const other = lab('other/scan_01.oir.json');
    writeFileSync(other, readFileSync(other, 'utf8').replace('"species": "mouse"', '"species": "rat"'));
    await later;
    expect(changes().flatMap((e) => e.rows.map((r) => r.path))).not.toContain(OME);
  });

  it('stops watching a folder once another is opened', async () => {
    await start();
    const second = path.join(copy.base, 'second');
    mkdirSync(second);
    cpSync(lab(OME), path.join(second, 'b.tif'));
    await h.ok('openFolder', { path: second });
    await h.ok('scanFolder', {});
    await watching(second);
    writeFileSync(lab(`${OME}.json`), '{}');
    const seen = next((e) => e.root === second);
    cpSync(lab(OME), path.join(second, 'c.tif'));
    await seen;
    expect(changes().filter((e) => e.root === copy.lab)).toEqual([]);
  });
});

describe('backend folder watching under a burst', () => {
  let copy: LabCopy;
  let h: Harness;
  afterEach(async () => {
    await stopOnLab(copy, h);
  });
  afterAll(removeTestBundles);

  it('keeps native events when over a thousand files that are neither images nor folders come', async () => {
    ({ copy, h } = await startOnLab(() => ({ watch: { mode: 'native' } })));
    await h.ok('scanFolder', {});
    await h.waitFor((e) => e.type === 'folder-watching');
    for (let i = 0; i < 1_200; i++) writeFileSync(path.join(copy.lab, 'cells', `trace-${i}.csv`), 'x');
    // A folder made after them is followed once they have been looked at, and counts those
    // still followed against the limit then: its image's row comes after that count.
    const seen = h.waitFor((e) => isChange(e) && e.rows.some((row) => row.path === 'cells/after/after.tif'));
    mkdirSync(path.join(copy.lab, 'cells', 'after'));
    cpSync(path.join(copy.lab, OME), path.join(copy.lab, 'cells', 'after', 'after.tif'));
    await seen;
    expect((await h.ok('getSession', {})).watching).toEqual({ root: copy.lab, mode: 'native' });
  });

  it('batches a script rewriting 5,000 sidecars into a few events carrying every row', async () => {
    ({ copy, h } = await startOnLab(() => ({ watch: { mode: 'native' } })));
    await h.ok('scanFolder', {});
    await h.waitFor((e) => e.type === 'folder-watching');
    const burst = path.join(copy.lab, 'burst');
    mkdirSync(burst);
    const text = readFileSync(path.join(copy.lab, `${OME}.json`), 'utf8');
    for (let i = 0; i < BURST; i++) {
      cpSync(path.join(copy.lab, OME), path.join(burst, `${i}.tif`));
      writeFileSync(path.join(burst, `${i}.tif.json`), text);
    }
    const rows = new Map<string, string>();
    const count = () => h.events.filter(isChange).length;
    await h.waitFor(() => {
      for (const event of h.events.filter(isChange))
        for (const row of event.rows) rows.set(row.path, String(row.values.species));
      return rows.size === BURST;
    });
    const first = count();
    rows.clear();
    // The script rewrites every sidecar.
    for (let i = 0; i < BURST; i++)
      writeFileSync(path.join(burst, `${i}.tif.json`), text.replace('"species": "mouse"', '"species": "vole"'));
    const voles = new Set<string>();
    let looked = first;
    await h.waitFor(() => {
      for (const event of h.events.filter(isChange).slice(looked))
        for (const row of event.rows) if (row.values.species === 'vole') voles.add(row.path);
      looked = count();
      return voles.size === BURST;
    });
    expect(count() - first).toBeLessThanOrEqual(40);
  }, 120_000);
});
