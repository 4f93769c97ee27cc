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

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const readFile = ((file: Parameters<typeof actual.readFile>[0], ...rest: unknown[]) => {
    if (String(file).startsWith('/proc/')) procReads.count++;
    return (actual.readFile as (...args: unknown[]) => unknown)(file, ...rest);
  }) as typeof actual.readFile;
  return { ...actual, default: { ...actual, readFile }, readFile };
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

  it('removes on release a lock folder that holds more than its owner file', async () => {
    const { dir, image } = imageFolder();
    const release = await lockFolder(dir, 'cell.tif.json', image);
    mkdirSync(path.join(lockFolderOf(dir), 'left'));
    writeFileSync(path.join(lockFolderOf(dir), 'owner.1234'), '{"host"');
    await release();
    expect(namesIn(dir)).toEqual(['cell.tif']);
  });
});
