/**
 * An index refresh takes each image's and sidecar's file facts on its own thread while the disk
 * answers at a local disk's pace, and many at once on the thread pool once it answers at a
 * network share's: one `stat` after another would wait on every round trip of a share in turn.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createStampTaker } from '../../../../../electron/services/index/file-stamps';
import type { ImageEntry } from '../../../../../electron/services/folder';

/** The thread pool's stats: how many were asked for, and the most in flight at once. */
const poolStats = vi.hoisted(() => ({ calls: 0, inFlight: 0, mostInFlight: 0 }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const stat = (async (file: string) => {
    poolStats.calls++;
    poolStats.mostInFlight = Math.max(poolStats.mostInFlight, ++poolStats.inFlight);
    try {
      return await actual.stat(file);
    } finally {
      poolStats.inFlight--;
    }
  }) as typeof actual.stat;
  return { ...actual, default: { ...actual, stat }, stat };
});

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'acqmeta-stamps-'));
  Object.assign(poolStats, { calls: 0, inFlight: 0, mostInFlight: 0 });
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** `count` images, each with a sidecar but the last, and one listed image that is not there. */
function images(count: number): ImageEntry[] {
  const entries: ImageEntry[] = [];
  for (let i = 0; i < count; i++) {
    const absPath = path.join(folder, `cell-${i}.tif`);
    writeFileSync(absPath, `image ${i}`);
    const withSidecar = i < count - 1;
    if (withSidecar) writeFileSync(`${absPath}.json`, `{"n": ${i}}`);
    entries.push({ relPath: `cell-${i}.tif`, absPath, format: 'tiff', sidecar: withSidecar ? 'file' : 'none' });
  }
  entries.push({ relPath: 'gone.tif', absPath: path.join(folder, 'gone.tif'), format: 'tiff', sidecar: 'file' });
  return entries;
}

/** What `stat` says of each entry, as the stamp taker should give it. */
function expected(entries: readonly ImageEntry[]): unknown[] {
  const stampAt = (file: string) => {
    const stats = statSync(file, { throwIfNoEntry: false });
    return stats === undefined ? null : { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino };
  };
  return entries.map((entry) => {
    const image = stampAt(entry.absPath);
    if (image === null) return null;
    return { image, sidecar: entry.sidecar === 'none' ? null : stampAt(`${entry.absPath}.json`) };
  });
}

it('takes a local disk’s file facts on its own thread, none through the thread pool', async () => {
  const entries = images(20);
  const take = createStampTaker(() => 0);
  expect(await take(entries)).toEqual(expected(entries));
  expect(await take(entries)).toEqual(expected(entries));
  expect(poolStats.calls).toBe(0);
});

it('takes them many at once on the thread pool once a chunk answers at a share’s pace', async () => {
  const entries = images(20);
  let now = 0;
  // each look at the clock a second later: the first chunk took far longer than a local disk would
  const take = createStampTaker(() => (now += 1000));
  expect(await take(entries)).toEqual(expected(entries));
  expect(poolStats.calls).toBe(0);
  expect(await take(entries)).toEqual(expected(entries));
  // 21 images listed (one gone), 20 of them with a sidecar listed
  expect(poolStats.calls).toBe(21 + 20);
  expect(poolStats.mostInFlight).toBeGreaterThan(1);
});
