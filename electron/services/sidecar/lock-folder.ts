/**
 * The lock of a folder of sidecars across processes and machines, for every AcqMeta writer
 * (the app, browser mode, the command line), on local disks and network shares (NFS, SMB): a
 * hidden folder in it, `.acqmeta-lock`, made with `mkdir` by `proper-lockfile` (atomic on
 * those file systems too). Its owner touches it while it holds it; one not touched for
 * {@link STALE_LOCK_MS} is a killed owner's and is taken over, and one whose owner is known to
 * have died on this machine (`lock-owner.ts`) at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { lock } from 'proper-lockfile';
import { ApiFailure } from '../../../shared/errors';
import { atWritePoint } from '../disk';
import { ioFailure } from './file-snapshot';
import { removeDeadLock, removeLockFolder, writeLockOwner } from './lock-owner';

/**
 * A lock folder untouched this long is stale (its owner was killed, or its machine went down):
 * the next writer takes it over after at most this long. The owner touches it every half of
 * this, so a live owner loses it only when stalled this long, or when the clocks of two machines
 * sharing a folder differ by this much.
 */
export const STALE_LOCK_MS = 10_000;

/**
 * How long a writer waits for a lock another one holds before it reports a conflict: a live
 * holder lets it go within `HOLD_MS` and its writes in flight (`folder-holds.ts`), and a
 * killed one's goes stale within {@link STALE_LOCK_MS}; twice that covers both on a slow share.
 */
const LOCK_WAIT_MS = 2 * STALE_LOCK_MS;

/** Waits between tries: short at first (a holder lets go within milliseconds when it is done), then backing off. */
const FIRST_RETRY_MS = 2;
const LONGEST_RETRY_MS = 100;

/**
 * Where a lock folder cannot be made (a read-only folder, or one that is gone), this process
 * cannot create a file there either: its write fails on its own, with its own reason.
 */
const CANNOT_MAKE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR']);

/**
 * The file calls `proper-lockfile` makes: a lock folder made with its owner file in it (before
 * the folder's modification time is read as the lock's), and removed with it.
 */
const LOCK_FS = {
  ...fs,
  mkdir: (dir: string, done: (error: Error | null) => void) => {
    fs.mkdir(dir, (error) => {
      if (error !== null) done(error);
      else void writeLockOwner(dir).then(() => done(null));
    });
  },
  rmdir: (dir: string, done: (error: Error | null) => void) => {
    removeLockFolder(dir).then(() => done(null), done);
  },
  rmdirSync: (dir: string) => fs.rmSync(dir, { recursive: true, force: true }),
};

/** Undoes a lock: removes its folder (never throws). */
export type Release = () => Promise<void>;

/** The lock folder of the folder `dir`. */
export function lockFolderOf(dir: string): string {
  return path.join(dir, '.acqmeta-lock');
}

/**
 * Takes the lock of the folder `dir`, waiting while another writer holds it; resolves with its
 * release. Where the folder refuses to have it made (read-only, or gone), resolves without a
 * lock. Fails with `CONFLICT` when another writer keeps it past {@link LOCK_WAIT_MS}, `IO` when
 * the disk fails; `name` and `imagePath` (the sidecar to be written) name the failure.
 */
export async function lockFolder(dir: string, name: string, imagePath: string): Promise<Release> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      const release = await lock(dir, {
        lockfilePath: lockFolderOf(dir),
        realpath: false,
        stale: STALE_LOCK_MS,
        fs: LOCK_FS,
        // Taken over as stale while stalled: the version checks around the rename still hold.
        onCompromised: () => undefined,
      });
      return () => release().catch(() => undefined);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== undefined && CANNOT_MAKE.has(code)) return () => Promise.resolve();
      if (code !== 'ELOCKED') throw ioFailure(error, `${name} could not be locked`, imagePath);
      if (await removeDeadLock(lockFolderOf(dir))) continue;
      if (Date.now() >= deadline) {
        throw new ApiFailure(
          'CONFLICT',
          `${name} is being saved by another program, which kept its folder locked`,
          imagePath,
        );
      }
      if (attempt === 0) await atWritePoint('lock-busy', dir);
      await sleep(Math.min(FIRST_RETRY_MS * 2 ** attempt, LONGEST_RETRY_MS));
    }
  }
}
