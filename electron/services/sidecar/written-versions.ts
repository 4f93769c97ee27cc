/**
 * The sidecar versions this process wrote last, so that a folder watcher can tell our own
 * writes from other programs' changes.
 */
import path from 'node:path';
import type { SidecarVersion } from '../../../shared/api';
import { sameVersion } from './file-snapshot';
import { sidecarNameFor, sidecarPathFor } from './sidecar-path';
import { readInWorker } from './write-worker-client';

/** Enough for the largest batch a watcher has not looked at yet; the oldest go first. */
const MAX_REMEMBERED = 100_000;

const written = new Map<string, SidecarVersion>();

/** Records that this process has just written `version` to the sidecar `file`. */
export function rememberWritten(file: string, version: SidecarVersion): void {
  const key = path.resolve(file);
  written.delete(key);
  written.set(key, version);
  if (written.size > MAX_REMEMBERED) written.delete(written.keys().next().value as string);
}

/**
 * Whether the image's sidecar on disk is still exactly what this process last wrote there:
 * a change event for it is our own write coming back. The file is read by the write worker
 * (blocking calls on its thread, none of this thread's file-system round trips), so a save's
 * thousands of echoes cost the main thread a message each.
 */
export async function isOwnWriteOnDisk(imagePath: string): Promise<boolean> {
  const file = sidecarPathFor(imagePath);
  const mine = written.get(path.resolve(file));
  if (mine === undefined) return false;
  const snapshot = await readInWorker(file, sidecarNameFor(imagePath), imagePath, false).catch(() => null);
  return snapshot !== null && snapshot !== 'link' && sameVersion(snapshot.version, mine);
}
