/**
 * One write at a time per sidecar: within this process, a read-modify-write of a file runs
 * after every earlier one on that file has settled; across processes and machines, it holds
 * the lock of the image's folder (see `lock-folder.ts`, shared by this process's writes in
 * flight there: `folder-holds.ts`) meanwhile.
 */
import path from 'node:path';
import { folderOfImage } from '../../../shared/ngff/store-name';
import { enterFolder } from './folder-holds';
import { sidecarNameFor, sidecarPathFor } from './sidecar-path';

const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `task` once every earlier task holding the lock of this image's sidecar has settled,
 * holding the sidecar's lock across processes too when `acrossProcesses` (not for a dry run,
 * which writes nothing). Fails as `lockFolder` does.
 */
export function withSidecarLock<T>(imagePath: string, acrossProcesses: boolean, task: () => Promise<T>): Promise<T> {
  const key = path.resolve(sidecarPathFor(imagePath));
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(() => (acrossProcesses ? withLockFolder(imagePath, task) : task()));
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
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
