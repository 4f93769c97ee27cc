/**
 * The folder lock as a bulk write takes it, hundreds of times: each time its owner file is
 * written and the folder removed on release with nothing left, without reading this
 * process's start and boot from /proc again, and a lock folder holding more than its owner
 * file (left by a killed writer) is still removed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { lockFolder, lockFolderOf } from '../../../../../electron/services/sidecar/lock-folder';
import { imageFolder, namesIn } from './temp-folder';

const procReads = vi.hoisted(() => ({ count: 0 }));
/** The lock folder's stats and times set through the thread pool's promises, by call. */
const lockCalls = vi.hoisted(() => [] as string[]);

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const readFile = ((file: Parameters<typeof actual.readFile>[0], ...rest: unknown[]) => {
    if (String(file).startsWith('/proc/')) procReads.count++;
    return (actual.readFile as (...args: unknown[]) => unknown)(file, ...rest);
  }) as typeof actual.readFile;
  const noted =
    <A extends unknown[], R>(name: string, call: (file: string, ...rest: A) => R) =>
    (file: string, ...rest: A): R => {
      if (String(file).endsWith('.acqmeta-lock')) lockCalls.push(name);
      return call(file, ...rest);
    };
  const stat = noted('stat', actual.stat as (file: string) => ReturnType<typeof actual.stat>);
  const utimes = noted('utimes', actual.utimes as (file: string, a: Date, m: Date) => Promise<void>);
  const mocked = { readFile, stat, utimes };
  return { ...actual, default: { ...actual, ...mocked }, ...mocked };
});

describe('lockFolder', () => {
  it('writes its owner and leaves nothing on release, reading /proc for the first lock only', async () => {
    const { dir, image } = imageFolder();
    const owners: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      const release = await lockFolder(dir, 'cell.tif.json', image);
      owners.push(JSON.parse(readFileSync(path.join(lockFolderOf(dir), 'owner'), 'utf8')));
      await release();
      expect(namesIn(dir)).toEqual(['cell.tif']);
    }
    expect(owners[4]).toEqual(owners[0]);
    expect(owners[0]).toMatchObject({ pid: process.pid });
    expect(procReads.count).toBeLessThanOrEqual(2);
  });

  it("has its owner file in it before its time is read as the lock's: nothing stated or put back after", async () => {
    const { dir, image } = imageFolder();
    const release = await lockFolder(dir, 'cell.tif.json', image);
    expect(JSON.parse(readFileSync(path.join(lockFolderOf(dir), 'owner'), 'utf8'))).toMatchObject({
      pid: process.pid,
    });
    await release();
    expect(lockCalls).toEqual([]);
  });

  it('removes on release a lock folder that holds more than its owner file', async () => {
    const { dir, image } = imageFolder();
    const release = await lockFolder(dir, 'cell.tif.json', image);
    mkdirSync(path.join(lockFolderOf(dir), 'left'));
    writeFileSync(path.join(lockFolderOf(dir), 'owner.1234'), '{"host"');
    await release();
    expect(namesIn(dir)).toEqual(['cell.tif']);
  });
});
