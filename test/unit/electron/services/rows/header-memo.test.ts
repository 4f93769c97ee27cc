import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stampOf } from '../../../../../electron/services/disk/file-stamp';
import { HeaderMemo } from '../../../../../electron/services/rows/header-memo';
import { NO_SCAN_CACHE } from '../../../../../electron/services/scan-cache';
import type { TiffScanner } from '../../../../../electron/services/tiff';
import type { TiffSummary } from '../../../../../shared/tiff';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function summaryOf(shape: string): TiffSummary {
  return {
    header: { shape, dims: '', sizes: '', dtype: 'uint8', num_channels: 1, num_scenes: 1, date: '', time: '' },
    fileCalibration: null,
  } as unknown as TiffSummary;
}

/** A scanner that answers from `shapes` by file name and counts its reads. */
function countingScanner(shapes: Record<string, string>): { scanner: TiffScanner; reads: string[] } {
  const reads: string[] = [];
  const scanner = {
    summary: async (absPath: string) => {
      reads.push(path.basename(absPath));
      return {
        info: summaryOf(shapes[path.basename(absPath)] ?? '?'),
        stamp: stampOf(statSync(absPath)),
        sidecar: null,
      };
    },
  } as unknown as TiffScanner;
  return { scanner, reads };
}

describe('HeaderMemo', () => {
  it('reads a header once, reuses it while the file is unchanged, and reads it again once it changed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'acqmeta-headers-'));
    dirs.push(dir);
    const file = path.join(dir, 'a.tif');
    writeFileSync(file, 'first');
    const shapes = { 'a.tif': '(1, 2)' };
    const { scanner, reads } = countingScanner(shapes);
    const memo = new HeaderMemo();
    expect(await memo.scan(scanner, 'a.tif', file)).toEqual({ ok: true, info: summaryOf('(1, 2)') });
    expect(await memo.scan(scanner, 'a.tif', file)).toEqual({ ok: true, info: summaryOf('(1, 2)') });
    expect(reads).toEqual(['a.tif']);
    writeFileSync(file, 'second, longer');
    shapes['a.tif'] = '(3, 4)';
    expect(await memo.scan(scanner, 'a.tif', file)).toEqual({ ok: true, info: summaryOf('(3, 4)') });
    expect(reads).toEqual(['a.tif', 'a.tif']);
  });

  it('keeps what a scan keeps in its cache, and forgets it all when cleared', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'acqmeta-headers-'));
    dirs.push(dir);
    const file = path.join(dir, 'b.tif');
    writeFileSync(file, 'bytes');
    const { scanner, reads } = countingScanner({ 'b.tif': '(5, 6)' });
    const memo = new HeaderMemo();
    memo.remembering(NO_SCAN_CACHE).keep('b.tif', {
      image: { stamp: stampOf(statSync(file)), summary: summaryOf('(from the scan)') },
      sidecar: null,
    });
    expect(await memo.scan(scanner, 'b.tif', file)).toEqual({ ok: true, info: summaryOf('(from the scan)') });
    expect(reads).toEqual([]);
    memo.clear();
    expect(await memo.scan(scanner, 'b.tif', file)).toEqual({ ok: true, info: summaryOf('(5, 6)') });
    expect(reads).toEqual(['b.tif']);
  });

  it('gives back every header value as kept, of many images with the same texts', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'acqmeta-headers-'));
    dirs.push(dir);
    const header = {
      shape: '(2, 32, 32)',
      dims: "('C', 'Y', 'X')",
      sizes: "{'C': 2, 'Y': 32, 'X': 32}",
      dtype: 'uint16',
      num_channels: 2,
      num_scenes: 3,
      date: '2026-11-23',
      time: '16:20:00',
    };
    const fileCalibration = { x: 0.25, y: 0.5, unit: 'micron', source: 'imagej' as const };
    const memo = new HeaderMemo();
    const { scanner, reads } = countingScanner({});
    for (const name of ['c.tif', 'd.tif']) {
      writeFileSync(path.join(dir, name), 'bytes');
      memo.remembering(NO_SCAN_CACHE).keep(name, {
        image: {
          stamp: stampOf(statSync(path.join(dir, name))),
          summary: { header: { ...header }, fileCalibration },
        },
        sidecar: null,
      });
    }
    for (const name of ['c.tif', 'd.tif'])
      expect(await memo.scan(scanner, name, path.join(dir, name))).toEqual({
        ok: true,
        info: { header, fileCalibration },
      });
    expect(reads).toEqual([]);
  });
});
