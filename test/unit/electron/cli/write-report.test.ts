import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../../electron/cli/cli-io';
import type { WriteOutcome } from '../../../../electron/cli/write-changes';
import { writeAndReport } from '../../../../electron/cli/write-report';
import type { ImageEntry } from '../../../../electron/services/folder/list-images';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder per batch of 2,000 files, each holding a temp file a killed write left an hour ago (the batch's sync sweeps it). */
function batchFolders(count: number): string[] {
  const root = mkdtempSync(path.join(os.tmpdir(), 'acqmeta-report-'));
  dirs.push(root);
  return Array.from({ length: count }, (_, i) => {
    const dir = path.join(root, `batch-${i}`);
    mkdirSync(dir);
    const stale = path.join(dir, '.acqmeta-0abc.tmp');
    writeFileSync(stale, 'half a sidecar');
    const anHourAgo = new Date(Date.now() - 3600_000);
    utimesSync(stale, anHourAgo, anHourAgo);
    return dir;
  });
}

function fakeIo(events: string[]): CliIo {
  const out = {
    line: async (text: string) => void events.push(`out ${text}`),
    write: async () => undefined,
    flush: async () => undefined,
    bytes: async () => undefined,
    isTerminal: false,
    columns: null,
  };
  return { out, err: (line) => events.push(`err ${line}`), progress: () => undefined, showProgress: false, cwd: '/' };
}

describe('writeAndReport', () => {
  it('writes taking each folder in turn, reports in order once synced, and writes the next batch meanwhile', async () => {
    const folders = batchFolders(3);
    const items = Array.from({ length: 4500 }, (_, i) => {
      const folder = folders[Math.floor(i / 2000)] as string;
      return { entry: { relPath: `img-${i}.tif`, absPath: path.join(folder, `img-${i}.tif`) } as ImageEntry, folder };
    });
    const events: string[] = [];
    const sweptWhenReported: boolean[] = [];
    const code = await writeAndReport(
      items,
      fakeIo(events),
      false,
      async (item, batch) => {
        events.push(`write ${item.entry.relPath}`);
        batch.touched(item.folder);
        if (item.entry.relPath === 'img-7.tif') return { kind: 'io', reason: 'disk full' } satisfies WriteOutcome;
        return { kind: 'updated', diffs: [] } satisfies WriteOutcome;
      },
      (entry) => {
        const batch = Math.floor(Number(/\d+/.exec(entry.relPath)?.[0]) / 2000);
        sweptWhenReported.push(!existsSync(path.join(folders[batch] as string, '.acqmeta-0abc.tmp')));
        return [`updated ${entry.relPath}`];
      },
    );
    expect(code).toBe(3);
    const reported = events.filter((e) => e.startsWith('out updated') || e.startsWith('err '));
    expect(reported).toEqual(
      items.map(({ entry }) =>
        entry.relPath === 'img-7.tif' ? 'err img-7.tif: disk full' : `out updated ${entry.relPath}`,
      ),
    );
    expect(sweptWhenReported.every(Boolean)).toBe(true);
    expect(events.at(-1)).toBe('out 4499 sidecars updated, 0 created, 0 unchanged, 1 failed to write.');
    const writes = events.filter((e) => e.startsWith('write '));
    expect(writes.slice(0, 4)).toEqual([
      'write img-0.tif',
      'write img-2000.tif',
      'write img-4000.tif',
      'write img-1.tif',
    ]);
    expect(new Set(writes).size).toBe(4500);
    // the second batch's writes began before the first batch was reported
    expect(events.indexOf(`write ${writes[2000]?.slice(6)}`)).toBeLessThan(events.indexOf('out updated img-0.tif'));
  });

  it('starts the next writes while one waits: a write held up (its lock, a slow sync) holds back no other', async () => {
    const [folder] = batchFolders(1) as [string];
    const items = Array.from({ length: 200 }, (_, i) => ({
      entry: { relPath: `img-${i}.tif`, absPath: path.join(folder, `img-${i}.tif`) } as ImageEntry,
    }));
    let started = 0;
    let allStarted = (): void => undefined;
    const othersStarted = new Promise<void>((resolve) => (allStarted = resolve));
    const events: string[] = [];
    const code = await writeAndReport(
      items,
      fakeIo(events),
      false,
      async (item, batch) => {
        batch.touched(folder);
        if (++started === items.length) allStarted();
        // the first write ends only once every other one has begun
        if (item.entry.relPath === 'img-0.tif') await othersStarted;
        return { kind: 'updated', diffs: [] };
      },
      (entry) => [`updated ${entry.relPath}`],
    );
    expect(code).toBe(0);
    expect(events.filter((e) => e.startsWith('out updated'))).toEqual(
      items.map(({ entry }) => `out updated ${entry.relPath}`),
    );
  }, 10_000);

  it('still syncs what was written when a write throws', async () => {
    const [folder] = batchFolders(1) as [string];
    const items = Array.from({ length: 10 }, (_, i) => ({
      entry: { relPath: `img-${i}.tif`, absPath: path.join(folder, `img-${i}.tif`) } as ImageEntry,
    }));
    const write = async (
      item: (typeof items)[number],
      batch: Parameters<Parameters<typeof writeAndReport>[3]>[1],
    ): Promise<WriteOutcome> => {
      batch.touched(folder);
      if (item.entry.relPath === 'img-5.tif') throw new Error('internal');
      return { kind: 'updated', diffs: [] };
    };
    await expect(writeAndReport(items, fakeIo([]), false, write, () => [])).rejects.toThrow('internal');
    expect(existsSync(path.join(folder, '.acqmeta-0abc.tmp'))).toBe(false);
  });
});
