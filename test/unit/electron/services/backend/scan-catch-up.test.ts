/**
 * What a watch started after a scan reads again: the files the scan read whose stamps differ or
 * that are gone, and what else came or changed since it started; not the files it read as they
 * still are (a folder copied just before the open), nor an image it reached through a link.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  missedSinceScan,
  notingStamps,
  type ScanListed,
  type SeenStamps,
} from '../../../../../electron/services/backend/scan-catch-up';
import { NO_SCAN_CACHE } from '../../../../../electron/services/scan-cache';
import { storeStampSync } from '../../../../../electron/services/ngff/read-store-header';
import { CLOCK_SLACK_MS } from '../../../../../electron/services/watch';

const relevant = (name: string) => /\.(tif|json|oir)$/.test(name);

/**
 * Dates `file` (its modification time) to `time`, ms since the epoch: changed then, after the
 * start a test gives its scan. Its change time cannot be set; it stays now, before that start.
 */
function writtenAt(file: string, time: number): void {
  utimesSync(file, new Date(time), new Date(time));
}
const IMAGES = ['a.tif', 'c.tif', 'sub/b.tif'];

describe('catching up after a scan', () => {
  let root = '';
  const at = (rel: string) => path.join(root, ...rel.split('/'));
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(at(rel)), { recursive: true });
    writeFileSync(at(rel), text);
  };
  const statOrNull = (rel: string) => {
    try {
      return statSync(at(rel));
    } catch {
      return null;
    }
  };
  /** What a scan started at `since` noted, having read `images` (and their sidecars) as they are now. */
  const listedNow = (images: string[], since = Date.now()): ScanListed => {
    const seen = new Map<string, SeenStamps>();
    const cache = notingStamps(NO_SCAN_CACHE, seen);
    for (const rel of images) {
      const file = statSync(at(rel));
      const sidecar = statOrNull(`${rel}.json`);
      cache.keep(rel, {
        image: { stamp: { size: file.size, mtimeMs: file.mtimeMs, ino: file.ino }, summary: {} as never },
        sidecar: sidecar === null ? null : ({ version: { size: sidecar.size, mtimeMs: sidecar.mtimeMs } } as never),
      });
    }
    return { since, images: seen };
  };
  const missed = async (listed: ScanListed) =>
    (await missedSinceScan(root, listed, relevant)).map((p) => path.relative(root, p).split(path.sep).join('/')).sort();

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'acqmeta-catch-up-'));
    write('a.tif', 'image a');
    write('a.tif.json', '{"species": "mouse"}');
    write('sub/b.tif', 'image b');
    write('sub/b.tif.json', '{}');
    write('c.tif', 'image c');
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads nothing again where every file is as the scan read it, though all were written just before', async () => {
    const listed = listedNow(IMAGES);
    expect(statSync(at('a.tif')).ctimeMs).toBeGreaterThan(listed.since - CLOCK_SLACK_MS);
    expect(await missed(listed)).toEqual([]);
  });

  it('reads again a rewritten sidecar, an image added, a profile added, and an image gone', async () => {
    const listed = listedNow(IMAGES);
    write('a.tif.json', '{"species": "vole", "n": 2}');
    write('sub/new.tif', 'image new');
    write('acqmeta.profile.json', '{}');
    rmSync(at('c.tif'));
    expect(await missed(listed)).toEqual(['a.tif.json', 'acqmeta.profile.json', 'c.tif', 'sub/new.tif']);
  });

  it('reads again an image whose sidecar came after the scan, and one it could not stamp that changed since', async () => {
    // the scan starts well after the folder was written (beyond a fine file clock's slack)
    const listed = listedNow(IMAGES, statSync(at('c.tif')).ctimeMs + 150);
    const images = new Map(listed.images);
    images.set('sub/b.tif', { image: null, sidecar: null });
    write('c.tif.json', '{}');
    write('sub/b.tif', 'image b, rewritten');
    for (const rel of ['c.tif.json', 'sub/b.tif']) writtenAt(at(rel), listed.since + 10);
    expect(await missed({ since: listed.since, images })).toEqual(['c.tif.json', 'sub/b.tif']);
  });

  it('does not read again what was written just before the scan started: unstamped images, profiles', async () => {
    const listed = listedNow(IMAGES);
    const images = new Map(listed.images);
    images.set('sub/b.tif', { image: null, sidecar: null });
    write('acqmeta.profile.json', '{}');
    write('other/scan_02.oir', 'not listed');
    const since = Math.max(statSync(at('acqmeta.profile.json')).ctimeMs, statSync(at('other')).ctimeMs) + 150;
    expect(await missed({ since, images })).toEqual([]);
  });

  it('compares an image read through a linked folder by its stamp, and leaves its real path alone', async () => {
    write('data/e.tif', 'image e');
    symlinkSync(at('data'), at('alias'));
    // the files were written well before the scan started: only stamps can tell a change
    const since = Date.now() + 60_000;
    expect(await missed(listedNow([...IMAGES, 'alias/e.tif'], since))).toEqual([]);
    const listed = listedNow([...IMAGES, 'alias/e.tif'], since);
    write('data/e.tif', 'image e, rewritten');
    expect(await missed(listed)).toEqual(['alias/e.tif']);
  });

  it('does not take the real path of a linked folder for a new image, though it was written just before', async () => {
    write('data/e.tif', 'image e');
    symlinkSync(at('data'), at('alias'));
    const listed = listedNow([...IMAGES, 'alias/e.tif']);
    write('data/notes.json', '{}');
    expect(await missed(listed)).toEqual(['data/notes.json']);
  });

  it('leaves a store and a collection image alone while their documents are as read, and reads a changed one', async () => {
    write('x.ome.zarr/zarr.json', '{"zarr_format": 3}');
    write('c.ome.zarr/acqstore/acq_image_collection.json', '{}');
    write('c.ome.zarr/acq_images/m1/zarr.json', '{"zarr_format": 3}');
    write('c.ome.zarr/acq_images/m1/acqstore/acq_image.json', '{"species": "mouse"}');
    const images = new Map<string, SeenStamps>();
    const cache = notingStamps(NO_SCAN_CACHE, images);
    // as the scan stamps a store: its documents' sizes summed, their latest time
    const inside = statSync(at('c.ome.zarr/acq_images/m1/acqstore/acq_image.json'));
    cache.keep('x.ome.zarr', {
      image: { stamp: storeStampSync(at('x.ome.zarr')), summary: {} as never },
      sidecar: null,
    });
    cache.keep('c.ome.zarr/acq_images/m1', {
      image: { stamp: storeStampSync(at('c.ome.zarr/acq_images/m1')), summary: {} as never },
      sidecar: { version: { size: inside.size, mtimeMs: inside.mtimeMs } } as never,
    });
    const since = Date.now() + 60_000;
    expect(await missed({ since, images })).toEqual([]);
    write('c.ome.zarr/acq_images/m1/acqstore/acq_image.json', '{"species": "rat", "n": 1}');
    expect(await missed({ since, images })).toEqual(['c.ome.zarr/acq_images/m1/acqstore/acq_image.json']);
  });

  it('reads the images of a folder moved in after the scan started, whose own files are older', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'acqmeta-catch-up-outside-'));
    try {
      writeFileSync(path.join(outside, 'x.tif'), 'image x');
      // the scan starts later than the moved file was written, by more than the slack
      const listed = listedNow(IMAGES, statSync(path.join(outside, 'x.tif')).ctimeMs + CLOCK_SLACK_MS + 5);
      renameSync(outside, at('session'));
      writtenAt(at('session'), listed.since + 10); // moved in after the scan started
      expect(statSync(at('session/x.tif')).ctimeMs).toBeLessThan(listed.since - CLOCK_SLACK_MS);
      expect(await missed(listed)).toEqual(['session/x.tif']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
