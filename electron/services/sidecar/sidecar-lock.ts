/**
 * One write at a time per sidecar: within this process, a read-modify-write of a file runs
 * after every earlier one on that file has settled; across processes and machines, it holds
 * the lock of the image's folder (see `lock-folder.ts`, shared by this process's writes in
 * flight there: `folder-holds.ts`) meanwhile. A task holding the lock may hand it to a save it
 * runs (`SaveOptions.heldLock`), which then runs under it instead of waiting for it.
 */
import path from 'node:path';
import { folderOfImage } from '../../../shared/ngff/store-name';
import { enterFolder } from './folder-holds';
import { sidecarNameFor, sidecarPathFor } from './sidecar-path';

const queues = new Map<string, Promise<unknown>>();

/** The lock of one image's sidecar as its holder has it: valid only while its task runs. */
export interface HeldSidecarLock {
  /** The sidecar it guards (resolved path). */
  readonly sidecar: string;
}

/** The locks whose task is still running: a held lock is honoured only while it is one of them. */
const live = new WeakSet<HeldSidecarLock>();

/**
 * Runs `task` once every earlier task holding the lock of this image's sidecar has settled,
 * holding the sidecar's lock across processes too when `acrossProcesses` (not for a dry run,
 * which writes nothing). `task` is given the lock it holds, for a save it runs under it. Fails
 * as `lockFolder` does.
 */
export function withSidecarLock<T>(
  imagePath: string,
  acrossProcesses: boolean,
  task: (held: HeldSidecarLock) => Promise<T>,
): Promise<T> {
  const key = path.resolve(sidecarPathFor(imagePath));
  const previous = queues.get(key) ?? Promise.resolve();
  const holding = async (): Promise<T> => {
    const held: HeldSidecarLock = { sidecar: key };
    live.add(held);
    try {
      return await task(held);
    } finally {
      live.delete(held);
    }
  };
  const run = previous.then(() => (acrossProcesses ? withLockFolder(imagePath, holding) : holding()));
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

/**
 * Runs `task` under `held`, a lock its caller holds, instead of taking the lock again (which
 * would wait for the caller's own task). Throws, running nothing, when `held` is not the running
 * lock of this image's sidecar: a save is never left unlocked by mistake.
 */
export function underHeldLock<T>(imagePath: string, held: HeldSidecarLock, task: () => Promise<T>): Promise<T> {
  if (!live.has(held) || held.sidecar !== path.resolve(sidecarPathFor(imagePath)))
    return Promise.reject(new Error(`the lock handed on is not the running lock of ${imagePath}'s sidecar`));
  return task();
}

/**
 * The folder whose lock guards an image's sidecar: the image's own folder, for a CloudScope
 * store's sidecar inside it too, and the folder holding the collection for a collection's image
 * (nothing of the lock goes inside a store).
 */
function lockDirOf(imagePath: string): string {
  return folderOfImage(path.resolve(imagePath));
}

/** Holds the lock of the folder that guards the image's sidecar ({@link lockDirOf}). */
async function withLockFolder<T>(imagePath: string, task: () => Promise<T>): Promise<T> {
  const leave = await enterFolder(lockDirOf(imagePath), sidecarNameFor(imagePath), imagePath);
  try {
    return await task();
  } finally {
    await leave();
  }
}
