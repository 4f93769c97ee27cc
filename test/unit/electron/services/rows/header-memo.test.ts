import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stampOf } from '../../../../../electron/services/folder/file-stamp';
import { HeaderMemo } from '../../../../../electron/services/rows/header-memo';
import { NO_SCAN_CACHE } from '../../../../../electron/services/scan-cache';
import type { TiffScanner } from '../../../../../electron/services/tiff';
import type { TiffSummary } from '../../../../../shared/tiff';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function summaryOf(shape: string): TiffSummary {
  return { header: { shape, dims: '', sizes: '', dtype: 'uint8', num_channels: 1, num_scenes: 1, date: '', time: '' }, fileCalibration: null } as unknown as TiffSummary;
}

/** A scanner that answers from `shapes` by file name and counts its reads. */
function countingScanner(shapes: Record<string, string>): { scanner: TiffScanner; reads: string[] } {
  const reads: string[] = [];
  const scanner = {
    summary: async (absPath: string) => {
      reads.push(path.basename(absPath));
      return { info: summaryOf(shapes[path.basename(absPath)] ?? '?'), stamp: stampOf(statSync(absPath)), sidecar: null };
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
    memo.remembering(NO_SCAN_CACHE).keep('b.tif', { image: { stamp: stampOf(statSync(file)), summary: summaryOf('(from the scan)') }, sidecar: null });
    expect(await memo.scan(scanner, 'b.tif', file)).toEqual({ ok: true, info: summaryOf('(from the scan)') });
    expect(reads).toEqual([]);
    memo.clear();
    expect(await memo.scan(scanner, 'b.tif', file)).toEqual({ ok: true, info: summaryOf('(5, 6)') });
    expect(reads).toEqual(['b.tif']);
  });
});
