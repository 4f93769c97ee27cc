import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../../../shared/api';
import type { LabCopy } from '../folder/lab-folder';
import { removeTestBundles, startOnLab, stopOnLab, type Harness } from './backend-harness';

type RowsEvent = Extract<ApiEvent, { type: 'scan-rows' }>;

/** Images added to the lab folder in `many/`, which the slow-disk adapter's gate holds. */
const EXTRA = 80;
/** While this file names `many`, a scan's walk waits before listing that folder. */
const GATE = path.join(tmpdir(), `acqmeta-cancel-gate-${process.pid}`);

describe('cancelScan', () => {
  let copy: LabCopy;
  let h: Harness;

  // the scan is held before many/, so it is under way when cancelled, whatever the machine's speed
  beforeAll(() => {
    process.env.ACQMETA_READ_GATE = GATE;
  });
  afterAll(async () => {
    delete process.env.ACQMETA_READ_GATE;
    await rm(GATE, { force: true });
    await removeTestBundles();
  });
  beforeEach(async () => {
    await writeFile(GATE, 'many\n');
    ({ copy, h } = await startOnLab());
    await mkdir(path.join(copy.lab, 'many'));
    for (let i = 0; i < EXTRA; i++)
      await copyFile(path.join(copy.lab, 'plain.tiff'), path.join(copy.lab, 'many', `copy-${i}.tif`));
  });
  afterEach(() => stopOnLab(copy, h));

  const eventsOf = (scanId: string) => h.events.filter((e) => 'scanId' in e && e.scanId === scanId);
  const rowsSent = (scanId: string) =>
    eventsOf(scanId)
      .filter((e): e is RowsEvent => e.type === 'scan-rows')
      .flatMap((e) => e.rows).length;

  it('stops the scan: the rows sent stay counted, nothing more comes', async () => {
    const { scanId } = await h.ok('scanFolder', {});
    // cells/ and hostile/, walked before many/: one batch, or two where the first left at its deadline
    await h.waitFor(() => rowsSent(scanId) >= 2);
    expect(await h.ok('cancelScan', { scanId })).toEqual({ cancelled: true });
    const sent = rowsSent(scanId);
    expect(eventsOf(scanId).at(-1)).toEqual({ type: 'scan-cancelled', scanId, done: sent });
    expect(sent).toBe(2);
    // a new scan runs to its end once the gate opens; the cancelled one says nothing more meanwhile
    await rm(GATE);
    const again = await h.ok('scanFolder', {});
    const done = await h.waitFor((e) => e.type === 'scan-done' && e.scanId === again.scanId);
    expect(done).toMatchObject({ total: EXTRA + 6 });
    expect(eventsOf(scanId).at(-1)).toMatchObject({ type: 'scan-cancelled' });
  });

  it('answers false when no scan, or another scan, is under way', async () => {
    expect(await h.ok('cancelScan', {})).toEqual({ cancelled: false });
    const { scanId } = await h.ok('scanFolder', {});
    expect(await h.ok('cancelScan', { scanId: 'another' })).toEqual({ cancelled: false });
    expect(await h.ok('cancelScan', {})).toEqual({ cancelled: true });
    expect(h.events.filter((e) => e.type === 'scan-cancelled')).toEqual([
      { type: 'scan-cancelled', scanId, done: expect.any(Number) },
    ]);
  });
});
