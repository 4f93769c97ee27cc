import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEvent, ImageRow } from '../../../../../shared/api';
import type { LabCopy } from '../folder/lab-folder';
import { codeOf, removeTestBundles, startBackend, startOnLab, stopOnLab, type Harness } from './backend-harness';

type RowsEvent = Extract<ApiEvent, { type: 'scan-rows' }>;

describe('backend scan and image methods', () => {
  let copy: LabCopy;
  let h: Harness;
  beforeEach(async () => {
    ({ copy, h } = await startOnLab());
  });
  afterEach(() => stopOnLab(copy, h));
  afterAll(removeTestBundles);

  const rowsOf = (scanId: string): ImageRow[] =>
    h.events.filter((e): e is RowsEvent => e.type === 'scan-rows' && e.scanId === scanId).flatMap((e) => e.rows);

  it('streams every row in order with progress, then scan-done', async () => {
    const { scanId } = await h.ok('scanFolder', {});
    const done = await h.waitFor((e) => e.type === 'scan-done' && e.scanId === scanId);
    // the CZI without a sidecar gets no row: it is counted and named as not read
    const unread = { count: 1, byFormat: [{ format: 'OIR', count: 1 }], paths: ['other/scan_02.oir'] };
    expect(done).toEqual({ type: 'scan-done', scanId, total: 6, unread });
    const batches = h.events.filter((e): e is RowsEvent => e.type === 'scan-rows');
    expect(batches.at(-1)).toMatchObject({ done: 6, total: 6 });
    const rows = rowsOf(scanId);
    expect(rows.map((r) => [r.path, r.format, r.sidecar])).toEqual([
      ['cells/multi-channel.ome.tif', 'tiff', 'ok'],
      ['hostile/test_ifd_loop_to_self.tif', 'tiff', 'missing'],
      ['other/scan_01.oir', 'oir', 'ok'],
      ['plain.tiff', 'tiff', 'missing'],
      ['stacks/float.tif', 'tiff', expect.any(String)],
      ['stacks/multipage.tif', 'tiff', 'invalid'],
    ]);
    const [ome, hostile, oir, plain, , corrupt] = rows;
    expect(ome).toMatchObject({
      header: { shape: '(3, 167, 439)', dims: "('C', 'Y', 'X')", dtype: 'int8', num_channels: 3, num_scenes: 1 },
      values: { species: 'mouse', depth: 75, note: '0.5 µm steps', physical_unit_x: 1 },
      errors: [],
    });
    expect(ome?.version?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(hostile?.header).toBeNull();
    expect(hostile?.errors.length).toBeGreaterThan(0);
    expect(oir).toMatchObject({
      header: { shape: '(2, 1024, 1024)', date: '20240312' },
      values: { condition: 'baseline', physical_unit_x: 0.31 },
    });
    expect(plain).toMatchObject({
      header: { shape: '(151, 157)', dims: "('Y', 'X')", dtype: 'uint8' },
      version: null,
      values: { species: '', depth: null, physical_label_x: 'Pixels' },
    });
    expect(corrupt?.errors.length).toBeGreaterThan(0);
  });

  it('starts the scan in the session call when the window asks for it, and only then', async () => {
    expect((await h.ok('getSession', {})).scanId).toBeNull();
    const { scanId, folder } = await h.ok('getSession', { scan: true });
    expect(folder?.root).toBe(copy.lab);
    expect(scanId).toEqual(expect.any(String));
    await h.waitFor((e) => e.type === 'scan-done' && e.scanId === scanId);
    expect(rowsOf(scanId!)).toHaveLength(6);
    expect(h.events.filter((e) => e.type === 'scan-rows' && e.scanId !== scanId)).toEqual([]);
  });

  it("holds a scan's first rows until someone listens, as a browser's event stream may connect after its first call", async () => {
    // an observer sees every event but is no listener
    const observed: ApiEvent[] = [];
    // the wait for a listener starts once the first rows are ready; here it never times out
    let rowsReady = (): void => undefined;
    const ready = new Promise<void>((resolve) => (rowsReady = resolve));
    const listenerTimer = () => (rowsReady(), () => undefined);
    const observe = (event: ApiEvent): void => {
      observed.push(event);
      if (event.type === 'scan-rows') rowsReady();
    };
    const quiet = await startBackend({ initialFolder: copy.lab, listenerTimer, observe }, false);
    try {
      const { scanId } = await quiet.ok('getSession', { scan: true });
      await ready; // the first rows wait for a listener, or (were they not held) have gone out
      expect(observed.filter((e) => e.type === 'scan-rows')).toEqual([]);
      quiet.listen();
      await quiet.waitFor((e) => e.type === 'scan-done' && e.scanId === scanId);
      const rows = quiet.events.filter((e): e is RowsEvent => e.type === 'scan-rows').flatMap((e) => e.rows);
      expect(rows).toHaveLength(6);
      expect(observed.filter((e) => e.type === 'scan-rows' || e.type === 'scan-done')).toEqual(
        quiet.events.filter((e) => e.type === 'scan-rows' || e.type === 'scan-done'),
      );
    } finally {
      await quiet.backend.close();
    }
  });

  it('cancels the running scan when a new one starts', async () => {
    const first = await h.ok('scanFolder', {});
    const second = await h.ok('scanFolder', {});
    await h.waitFor((e) => e.type === 'scan-done' && e.scanId === second.scanId);
    expect(h.events.filter((e) => 'scanId' in e && e.scanId === first.scanId)).toEqual([]);
    expect(rowsOf(second.scanId)).toHaveLength(6);
  });

  it('reports scan-failed when the folder has gone', async () => {
    await rm(copy.lab, { recursive: true });
    const { scanId } = await h.ok('scanFolder', {});
    const failed = await h.waitFor((e) => e.type === 'scan-failed' && e.scanId === scanId);
    expect(failed).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('gives the detail of an image: row, file facts, tags, description, planes', async () => {
    const detail = await h.ok('getImageDetail', { path: 'cells/multi-channel.ome.tif' });
    expect(detail.row.values.species).toBe('mouse');
    expect(detail).toMatchObject({
      pageCount: 3,
      byteOrder: 'little',
      bigTiff: false,
      tiled: false,
      planes: { c: 3, z: 1, t: 1 },
    });
    expect(detail.description.kind).toBe('ome');
    expect(detail.tags.some((t) => t.code === 256)).toBe(true);
    const hostile = await h.ok('getImageDetail', { path: 'hostile/test_ifd_loop_to_self.tif' });
    expect(hostile).toMatchObject({ pageCount: null, tags: [], row: { header: null } });
    expect(detail.damaged).toBeNull();
  });

  it("gives an invalid sidecar's text and the values read before the damage", async () => {
    const detail = await h.ok('getImageDetail', { path: 'stacks/multipage.tif' });
    const text = await readFile(path.join(copy.lab, 'stacks/multipage.tif.json'), 'utf8');
    expect(detail.row.sidecar).toBe('invalid');
    expect(detail.damaged).toMatchObject({ kind: 'json', text, firstLine: 1, cut: false, line: 11, readUntilLine: 11 });
    expect(detail.damaged?.values).toContainEqual({ section: 'top', name: 'accepted', value: true });
    expect(detail.damaged?.values.map((v) => v.name)).not.toContain('depth');
  });

  it('renders a preview no larger than asked, and none for non-TIFFs', async () => {
    const preview = await h.ok('getPreview', { path: 'plain.tiff', c: 0, z: 0, t: 0, maxSize: 64 });
    expect(Math.max(preview.width, preview.height)).toBeLessThanOrEqual(64);
    expect([preview.sourceWidth, preview.sourceHeight]).toEqual([157, 151]);
    expect(Buffer.from(preview.data, 'base64')).toHaveLength(preview.width * preview.height * preview.channels);
    expect(codeOf(await h.call('getPreview', { path: 'other/scan_01.oir', c: 0, z: 0, t: 0, maxSize: 64 }))).toBe(
      'UNREADABLE_IMAGE',
    );
  });
});
