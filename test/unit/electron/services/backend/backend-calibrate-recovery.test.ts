/**
 * A header write cut short (issue 79) is finished or reverted by the app's next scan of the
 * folder, before its rows are read: here a write left as a kill after its append leaves it (the
 * new header appended past the old end, the old link still in force, its record not taken back).
 */
import { openSync, closeSync, readFileSync, writeSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../../../shared/api';
import { labBackendPerTest, scanRows } from './backend-harness';

const bench = labBackendPerTest();
const IMAGE = 'stacks/float.tif';

describe('a header write cut short, in the app', () => {
  it('is reverted by the next scan: the file as it was, its size included', async () => {
    const { h, copy } = bench;
    const file = path.join(copy.lab, IMAGE);
    const sidecar = `${file}.json`;
    await writeFile(
      sidecar,
      (await readFile(sidecar, 'utf8'))
        .replaceAll('"physical_unit_x": 1.0', '"physical_unit_x": 0.5')
        .replaceAll('"physical_unit_y": 1.0', '"physical_unit_y": 0.5')
        .replaceAll('"physical_label_x": "Pixels"', '"physical_label_x": "um"')
        .replaceAll('"physical_label_y": "Pixels"', '"physical_label_y": "um"'),
    );
    const original = readFileSync(file);
    const { reviewId } = await h.ok('reviewCalibration', { paths: [IMAGE] });
    const { jobId } = await h.ok('startCalibration', { reviewId });
    await h.waitFor((e: ApiEvent) => e.type === 'calibrate-done' && e.jobId === jobId);
    const record = (await h.ok('getJournal', { paths: [IMAGE] })).headers?.[0];
    expect(record).toBeDefined();

    // as a kill after the append leaves it: the old link back, the appended bytes still there
    const fd = openSync(file, 'r+');
    for (const range of record?.ranges ?? [])
      writeSync(fd, Buffer.from(range.old, 'hex'), 0, range.old.length / 2, range.offset);
    closeSync(fd);
    expect(readFileSync(file).length).toBeGreaterThan(original.length);

    await scanRows(h);
    expect(readFileSync(file).equals(original)).toBe(true);
  }, 60_000);
});
