/**
 * Atomic, conflict-checked sidecar writes, one at a time per file.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, open, realpath, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { SidecarVersion } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { ioFailure, readSnapshot, sameVersion, versionOf } from './file-snapshot';
import { sidecarNameFor, sidecarPathFor } from './sidecar-path';

const queues = new Map<string, Promise<unknown>>();

/**
 * Writes `text` as the image's sidecar and returns the new version.
 *
 * Unless `overwrite`, the file on disk must still be `expected` (null: must not exist), else
 * `ApiFailure('CONFLICT')`. The text goes to a hidden temp file in the same folder (named
 * `.acqmeta-<random>.tmp`, never `<image>.<name>.csv`), is synced, then renamed over the
 * sidecar, so readers see the old file or the new one, never half of one. The existing file's
 * permission bits are kept, a read-only sidecar is refused, symlinks are written through, and
 * the temp file is removed on any error. Writes to one file run one after another.
 */
export function writeSidecarFile(
  imagePath: string,
  text: string,
  expected: SidecarVersion | null,
  options: { overwrite?: boolean } = {},
): Promise<SidecarVersion> {
  const file = sidecarPathFor(imagePath);
  return serialized(path.resolve(file), () => checkAndWrite(imagePath, file, text, expected, options.overwrite === true));
}

async function checkAndWrite(
  imagePath: string,
  file: string,
  text: string,
  expected: SidecarVersion | null,
  overwrite: boolean,
): Promise<SidecarVersion> {
  const name = sidecarNameFor(imagePath);
  try {
    const current = await readSnapshot(file, name, imagePath);
    if (!overwrite && !sameVersion(current?.version ?? null, expected)) {
      throw new ApiFailure('CONFLICT', `${name} changed on disk since it was read`, imagePath);
    }
    let target = file;
    if (current !== null) {
      target = await realpath(file);
      await access(target, constants.W_OK).catch(() => {
        throw new ApiFailure('IO', `${name} could not be saved: the file is read-only`, imagePath);
      });
    }
    return await replaceFile(target, Buffer.from(text, 'utf8'), current?.mode);
  } catch (error) {
    throw ioFailure(error, `${name} could not be saved`, imagePath);
  }
}

/** Replaces `target` through a synced temp file and rename; returns the written version. */
async function replaceFile(target: string, bytes: Buffer, mode: number | undefined): Promise<SidecarVersion> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.acqmeta-${randomBytes(8).toString('hex')}.tmp`);
  let version: SidecarVersion;
  try {
    const handle = await open(temp, 'wx', mode ?? 0o666);
    try {
      if (mode !== undefined) await handle.chmod(mode); // the umask must not narrow the old mode
      await handle.writeFile(bytes);
      await handle.sync();
      version = versionOf(bytes, (await handle.stat()).mtimeMs);
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(dir);
  return version;
}

/** Makes the rename durable; folders cannot be opened or synced everywhere (Windows), which is fine. */
async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => null);
  if (handle === null) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

/** Runs `task` after every earlier task queued under `key` has settled. */
function serialized<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(task);
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}
