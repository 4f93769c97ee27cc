/**
 * Rows of images whose headers read the same share one header and one acquisition object, as
 * rows from the scan cache do: the window keeps one copy, and the event stream sends it once.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImageRow } from '../../../../../shared/api';
import type { TiffSummary } from '../../../../../shared/tiff';
import { stampOf } from '../../../../../electron/services/disk/file-stamp';
import { listImages } from '../../../../../electron/services/folder';
import { scanRows } from '../../../../../electron/services/rows';
import type { TiffScanner } from '../../../../../electron/services/tiff';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A new summary object for each read, equal for every file but `odd.tif`, as a worker sends them. */
function summaryFor(name: string): TiffSummary {
  return {
    header: {
      shape: name === 'odd.tif' ? '(8, 8)' : '(64, 64)',
      dims: "('Y', 'X')",
      sizes: "{'Y': 64, 'X': 64}",
      dtype: 'uint16',
      num_channels: 1,
      num_scenes: 1,
      date: '',
      time: '',
    },
    fileCalibration: null,
    acquisition: { sources: ['tiff'], software: 'tifffile.py' },
  } as unknown as TiffSummary;
}

const scanner = {
  summary: async (absPath: string) => ({
    info: summaryFor(path.basename(absPath)),
    stamp: stampOf(statSync(absPath)),
    sidecar: null,
  }),
} as unknown as TiffScanner;

describe('rows of a scan', () => {
  it('share one header and one acquisition among images whose headers read the same', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'acqmeta-shared-rows-'));
    for (const name of ['a.tif', 'b.tif', 'odd.tif']) writeFileSync(path.join(dir, name), name);
    const rows: ImageRow[] = [];
    for await (const row of scanRows(dir, listImages(dir), scanner)) rows.push(row);
    const [a, b, odd] = rows;
    expect(rows.map((row) => row.path)).toEqual(['a.tif', 'b.tif', 'odd.tif']);
    expect(a?.header).toEqual(summaryFor('a.tif').header);
    expect(b?.header).toBe(a?.header);
    expect(b?.acquisition).toBe(a?.acquisition);
    expect(odd?.header?.shape).toBe('(8, 8)');
    expect(odd?.header).not.toBe(a?.header);
  });
});
