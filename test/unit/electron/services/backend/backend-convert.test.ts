/**
 * startConvert and cancelConvert: two images of the open folder copied as OME-TIFF in the
 * background, each in its folder below the output folder, their progress and summary as events,
 * the files and sidecars on disk, journaled in the output folder when it lies outside; an
 * output folder with a backslash refused; other requests answered while a large copy is written.
 */
import { execFileSync } from 'node:child_process';
import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFolderJournal } from '../../../../../electron/services/journal';
import type { ApiEvent, ConvertSummary } from '../../../../../shared/api';
import { labBackendPerTest } from './backend-harness';

const bench = labBackendPerTest();
const OPTIONS = { compression: 'zlib', flat: false, extension: '.ome.tiff', force: false } as const;
/** Writes a TIFF of 3 planes of 2048 × 2048 random uint16 samples (24 MiB) to argv[1]. */
const LARGE_TIFF = `
import sys, numpy, tifffile
planes = numpy.random.default_rng(7).integers(0, 65535, (3, 2048, 2048), dtype=numpy.uint16)
tifffile.imwrite(sys.argv[1], planes, imagej=True, metadata={'axes': 'ZYX'})
`;

describe('startConvert', () => {
  it('writes the copies and their sidecars, refuses an image whose sidecar is damaged, and says so in events', async () => {
    const { h, copy } = bench;
    const paths = ['cells/multi-channel.ome.tif', 'plain.tiff', 'stacks/multipage.tif'];
    const { jobId } = await h.ok('startConvert', { paths, outputFolder: 'archive', options: OPTIONS });
    const done = (await h.waitFor((e) => e.type === 'convert-done' && e.jobId === jobId)) as Extract<
      ApiEvent,
      { type: 'convert-done' }
    >;
    const summary: ConvertSummary = done.summary;
    const archive = path.join(copy.lab, 'archive');
    expect(summary).toMatchObject({ cancelled: false, outputFolder: archive });
    expect(summary.written.map((w) => [w.source, path.basename(w.output), w.verified])).toEqual([
      ['cells/multi-channel.ome.tif', 'multi-channel.ome.tiff', true],
      ['plain.tiff', 'plain.ome.tiff', true],
    ]);
    // the lab fixture's multipage.tif.json is cut short: its fields would be lost in a copy
    expect(summary.refused).toEqual([
      {
        source: 'stacks/multipage.tif',
        image: null,
        kind: 'refused',
        reason: expect.stringMatching(/^its sidecar cannot be read \(multipage\.tif\.json: .+\): not converted/),
      },
    ]);
    // each copy in its source's folder below the output folder
    expect((await readdir(archive)).sort()).toEqual(['cells', 'plain.ome.tiff', 'plain.ome.tiff.json']);
    expect((await readdir(path.join(archive, 'cells'))).sort()).toEqual([
      'multi-channel.ome.tiff',
      'multi-channel.ome.tiff.json',
    ]);
    const head = await readFile(path.join(archive, 'plain.ome.tiff'));
    expect(head.subarray(0, 2).toString('latin1')).toBe('II');
    const progress = h.events.filter((e) => e.type === 'convert-progress' && e.jobId === jobId);
    expect(progress.length).toBeGreaterThan(0);
    const last = progress.at(-1) as Extract<ApiEvent, { type: 'convert-progress' }>;
    expect(last.total).toBe(6); // 3 channels, 1 page and 2 pages
  });

  it('refuses an output folder whose path in the open folder holds a backslash, which the journal cannot record', async () => {
    const { h, copy } = bench;
    const result = await h.call('startConvert', { paths: ['plain.tiff'], outputFolder: 'out\\2026', options: OPTIONS });
    expect(result.ok ? 'ok' : [result.error.code, result.error.message]).toEqual([
      'BAD_REQUEST',
      expect.stringMatching(/^out\\2026: a backslash in a file or folder name is a folder separator on Windows/),
    ]);
    expect((await readdir(copy.lab)).filter((name) => name.startsWith('out'))).toEqual([]);
  });

  it('journals copies outside the open folder in the output folder, not in each of its subfolders', async () => {
    const { h, copy } = bench;
    const outside = path.join(copy.base, 'archive');
    const paths = ['cells/multi-channel.ome.tif', 'plain.tiff'];
    const { jobId } = await h.ok('startConvert', { paths, outputFolder: outside, options: OPTIONS });
    const done = (await h.waitFor((e) => e.type === 'convert-done' && e.jobId === jobId)) as Extract<
      ApiEvent,
      { type: 'convert-done' }
    >;
    expect(done.summary.written).toHaveLength(2);
    expect((await readdir(path.join(outside, 'cells'))).sort()).toEqual([
      'multi-channel.ome.tiff',
      'multi-channel.ome.tiff.json',
    ]);
    const journal = await readFolderJournal(outside);
    expect(journal.problems).toEqual([]);
    expect(journal.records.map((r) => r.path).sort()).toEqual(['cells/multi-channel.ome.tiff', 'plain.ome.tiff']);
  });

  it('refuses an OME-Zarr store, zipped or not, saying why', async () => {
    const { h, copy } = bench;
    const ngff = fileURLToPath(new URL('../../../../fixtures/ngff/', import.meta.url));
    await cp(path.join(ngff, 'cells-04.ome.zarr'), path.join(copy.lab, 'cells.ome.zarr'), { recursive: true });
    await cp(path.join(ngff, 'cells-04.ome.zarr.zip'), path.join(copy.lab, 'cells.ome.zarr.zip'));
    const paths = ['cells.ome.zarr', 'cells.ome.zarr.zip'];
    const { jobId } = await h.ok('startConvert', { paths, outputFolder: 'archive', options: OPTIONS });
    const done = (await h.waitFor((e) => e.type === 'convert-done' && e.jobId === jobId)) as Extract<
      ApiEvent,
      { type: 'convert-done' }
    >;
    expect(done.summary.written).toEqual([]);
    expect(done.summary.refused.map((r) => [r.source, r.reason])).toEqual(
      paths.map((p) => [p, expect.stringContaining('an OME-Zarr store is not converted')]),
    );
  });

  it('answers another request while a large copy is being written', async () => {
    const { h, copy } = bench;
    execFileSync('/usr/bin/python3', ['-c', LARGE_TIFF, path.join(copy.lab, 'large.tif')]);
    const options = { ...OPTIONS, compression: 'lzw' } as const;
    const { jobId } = await h.ok('startConvert', { paths: ['large.tif'], outputFolder: 'archive', options });
    const isDone = (e: ApiEvent): boolean => e.type === 'convert-done' && e.jobId === jobId;
    // a plane is written and the next is under way
    await h.waitFor((e) => e.type === 'convert-progress' && e.jobId === jobId && e.done > 0);
    expect(h.events.some(isDone)).toBe(false);
    const detail = await h.ok('getImageDetail', { path: 'plain.tiff' });
    expect(h.events.some(isDone)).toBe(false);
    expect(detail).toMatchObject({ pageCount: 1, damaged: null });
    const done = (await h.waitFor(isDone)) as Extract<ApiEvent, { type: 'convert-done' }>;
    expect(done.summary.written.map((w) => [w.source, w.levels, w.verified])).toEqual([['large.tif', 2, true]]);
  });

  it('answers whether a job was cancelled', async () => {
    const { h } = bench;
    const { jobId } = await h.ok('startConvert', { paths: ['plain.tiff'], outputFolder: 'archive', options: OPTIONS });
    expect(await h.ok('cancelConvert', { jobId })).toEqual({ cancelled: true });
    const done = (await h.waitFor((e) => e.type === 'convert-done' && e.jobId === jobId)) as Extract<
      ApiEvent,
      { type: 'convert-done' }
    >;
    expect(done.summary.cancelled).toBe(true);
    expect(await h.ok('cancelConvert', { jobId })).toEqual({ cancelled: false });
  });
});
