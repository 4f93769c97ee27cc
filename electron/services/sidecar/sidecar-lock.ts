/**
 * One write at a time per sidecar within this process: a read-modify-write of a file runs
 * after every earlier one on that file has settled.
 */
import path from 'node:path';
import { sidecarPathFor } from './sidecar-path';

const queues = new Map<string, Promise<unknown>>();

/** Runs `task` once every earlier task holding the lock of this image's sidecar has settled. */
export function withSidecarLock<T>(imagePath: string, task: () => Promise<T>): Promise<T> {
  const key = path.resolve(sidecarPathFor(imagePath));
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(task);
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}
