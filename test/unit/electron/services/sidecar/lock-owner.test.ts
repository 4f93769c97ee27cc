/**
 * Who holds a folder lock: a lock whose owner died on this machine (or whose process id now
 * belongs to another process) is removed at once; a live owner's, another machine's, and one
 * whose owner file is not written yet are left to the stale rule.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { lockFolderOf } from '../../../../../electron/services/sidecar/lock-folder';
import { removeDeadLock, writeLockOwner } from '../../../../../electron/services/sidecar/lock-owner';
import { sweepStaleTemps } from '../../../../../electron/services/sidecar/temp-files';
import { imageFolder } from './temp-folder';

/** A lock folder owned by this process, whose owner file is then changed by `edit`. */
async function lockOwnedAs(edit: (owner: Record<string, unknown>) => void): Promise<{ dir: string; lock: string }> {
  const { dir } = imageFolder();
  const lock = lockFolderOf(dir);
  mkdirSync(lock);
  await writeLockOwner(lock);
  const file = path.join(lock, 'owner');
  const owner = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(owner);
  writeFileSync(file, JSON.stringify(owner));
  return { dir, lock };
}

/** The id of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  return child.pid as number;
}

describe('removeDeadLock', () => {
  it('removes a lock whose owner on this machine has died, leaving nothing behind', async () => {
    const pid = await deadPid();
    const { dir, lock } = await lockOwnedAs((owner) => (owner.pid = pid));
    expect(await removeDeadLock(lock)).toBe(true);
    expect(readdirSync(dir)).toEqual(['cell.tif']);
  });

  it('removes a lock whose process id now belongs to a process started at another time', async () => {
    const { lock } = await lockOwnedAs((owner) => (owner.started = '1'));
    expect(await removeDeadLock(lock)).toBe(true);
    expect(existsSync(lock)).toBe(false);
  });

  it('keeps a live owner’s lock', async () => {
    const { lock } = await lockOwnedAs(() => undefined);
    expect(await removeDeadLock(lock)).toBe(false);
    expect(existsSync(path.join(lock, 'owner'))).toBe(true);
  });

  it('keeps the lock of another machine’s process, or of an owner with no start time', async () => {
    const pid = await deadPid();
    const foreign = await lockOwnedAs((owner) => Object.assign(owner, { pid, host: 'another-machine' }));
    const untimed = await lockOwnedAs((owner) => Object.assign(owner, { pid, started: null }));
    expect(await removeDeadLock(foreign.lock)).toBe(false);
    expect(await removeDeadLock(untimed.lock)).toBe(false);
    expect(existsSync(foreign.lock) && existsSync(untimed.lock)).toBe(true);
  });

  it('keeps a lock whose owner file is not written yet, or cannot be read', async () => {
    const { dir } = imageFolder();
    const lock = lockFolderOf(dir);
    mkdirSync(lock);
    expect(await removeDeadLock(lock)).toBe(false);
    writeFileSync(path.join(lock, 'owner'), '{"host":');
    expect(await removeDeadLock(lock)).toBe(false);
    expect(existsSync(lock)).toBe(true);
  });
});

describe('a lock left aside by a writer killed while removing it', () => {
  it('is swept with the temp files when its owner is dead, and kept when its owner lives', async () => {
    const pid = await deadPid();
    const dead = await lockOwnedAs((owner) => (owner.pid = pid));
    const deadAside = `${dead.lock}.0b7c6a52-1d3e-4f6a-9b2c-3e4d5f6a7b8c`;
    renameSync(dead.lock, deadAside);
    expect(await sweepStaleTemps(dead.dir)).toBe(1);
    expect(readdirSync(dead.dir)).toEqual(['cell.tif']);

    const live = await lockOwnedAs(() => undefined);
    const liveAside = `${live.lock}.1b7c6a52-1d3e-4f6a-9b2c-3e4d5f6a7b8c`;
    renameSync(live.lock, liveAside);
    expect(await sweepStaleTemps(live.dir)).toBe(0);
    expect(existsSync(liveAside)).toBe(true);
  });
});

describe('a lock a writer was killed while removing', () => {
  const uuid = '2b7c6a52-1d3e-4f6a-9b2c-3e4d5f6a7b8c';

  it('is swept when the kill came after its owner file was removed (named as condemned)', async () => {
    const pid = await deadPid();
    const { dir, lock } = await lockOwnedAs((owner) => (owner.pid = pid));
    // What the kill leaves: the folder renamed aside, then condemned, its owner file removed.
    const condemned = `${lock}.${uuid}.gone`;
    renameSync(lock, condemned);
    rmSync(path.join(condemned, 'owner'));
    expect(await sweepStaleTemps(dir)).toBe(1);
    expect(readdirSync(dir)).toEqual(['cell.tif']);
  });

  it('keeps an aside lock with no owner file while it is recent, and sweeps it once old', async () => {
    const { dir } = imageFolder();
    const aside = `${lockFolderOf(dir)}.${uuid}`;
    mkdirSync(aside);
    expect(await sweepStaleTemps(dir)).toBe(0);
    expect(existsSync(aside)).toBe(true);
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    utimesSync(aside, twoMinutesAgo, twoMinutesAgo);
    expect(await sweepStaleTemps(dir)).toBe(1);
    expect(readdirSync(dir)).toEqual(['cell.tif']);
  });

  it('keeps the aside lock of a live owner, whatever its age', async () => {
    const live = await lockOwnedAs(() => undefined);
    const aside = `${live.lock}.${uuid}`;
    renameSync(live.lock, aside);
    const old = new Date(Date.now() - 120_000);
    utimesSync(aside, old, old);
    expect(await sweepStaleTemps(live.dir)).toBe(0);
    expect(existsSync(path.join(aside, 'owner'))).toBe(true);
  });
});
