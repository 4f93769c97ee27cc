/**
 * Conflict-checked sidecar writes: what is on disk is read under the file's lock, compared
 * with what the caller expects, and replaced atomically.
 */
import { realpath } from 'node:fs/promises';
import type { SidecarVersion } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { ioFailure, sameVersion } from './file-snapshot';
import type { FileSnapshot } from './opened-file';
import { replaceFile } from './replace-file';
import { withSidecarLock } from './sidecar-lock';
import { sidecarNameFor, sidecarPathFor } from './sidecar-path';
import type { WriteBatch } from './write-batch';
import { readInWorker } from './write-worker-client';
import { rememberWritten } from './written-versions';

const utf8 = new TextEncoder();

/** A sidecar as found just before a write: its bytes (null: no file) and the file a write replaces. */
export interface SidecarOnDisk {
  snapshot: FileSnapshot | null;
  /** The sidecar path, or the file a symbolic link there points to (written through). */
  target: string;
}

/** Reads what is at an image's sidecar path now; callers hold the lock. Fails with `IO`. */
export async function readForWrite(imagePath: string): Promise<SidecarOnDisk> {
  const file = sidecarPathFor(imagePath);
  const name = sidecarNameFor(imagePath);
  try {
    // Not following links spares a realpath for the usual plain file; a link is resolved once.
    const plain = await readInWorker(file, name, imagePath, true);
    if (plain !== 'link') return { snapshot: plain, target: file };
    const target = await realpath(file).catch(() => file);
    return { snapshot: (await readInWorker(target, name, imagePath, false)) as FileSnapshot | null, target };
  } catch (error) {
    throw ioFailure(error, `${name} could not be read`, imagePath);
  }
}

/** How a sidecar found on disk is replaced: the file written, its permission bits, whether this process may write it. */
export interface WriteTarget {
  file: string;
  /** The old file's permission bits (kept); undefined when there was no file. */
  mode: number | undefined;
  writable: boolean;
}

/** The target of a write over the sidecar found as `onDisk` (nothing of its bytes is kept). */
export function writeTargetOf(onDisk: SidecarOnDisk): WriteTarget {
  return { file: onDisk.target, mode: onDisk.snapshot?.mode, writable: onDisk.snapshot?.writable !== false };
}

/**
 * Writes `bytes` over the sidecar at `target` (callers hold the lock) and returns the new
 * version. A read-only sidecar is refused; the old file's permission bits are kept. Bytes
 * that have their buffer to themselves are handed to the write worker: do not use them after.
 */
export async function replaceSidecar(
  imagePath: string,
  target: WriteTarget,
  bytes: Uint8Array,
  batch?: WriteBatch,
): Promise<SidecarVersion> {
  const name = sidecarNameFor(imagePath);
  try {
    if (!target.writable) throw new ApiFailure('IO', `${name} could not be saved: the file is read-only`, imagePath);
    const version = await replaceFile(target.file, bytes, target.mode, batch);
    rememberWritten(sidecarPathFor(imagePath), version);
    return version;
  } catch (error) {
    throw ioFailure(error, `${name} could not be saved`, imagePath);
  }
}

/**
 * Writes `text` as the image's sidecar and returns the new version.
 *
 * Unless `overwrite`, the file on disk must still be `expected` (null: must not exist), else
 * `ApiFailure('CONFLICT')`. The write is atomic (see `replaceFile`): with a `batch`, its
 * folder is synced when the batch finishes. Symlinks are written through, a read-only sidecar
 * is refused. Writes to one file run one after another.
 */
export function writeSidecarFile(
  imagePath: string,
  text: string,
  expected: SidecarVersion | null,
  options: { overwrite?: boolean; batch?: WriteBatch } = {},
): Promise<SidecarVersion> {
  return withSidecarLock(imagePath, async () => {
    const onDisk = await readForWrite(imagePath);
    if (options.overwrite !== true && !sameVersion(onDisk.snapshot?.version ?? null, expected)) {
      throw new ApiFailure('CONFLICT', `${sidecarNameFor(imagePath)} changed on disk since it was read`, imagePath);
    }
    return replaceSidecar(imagePath, writeTargetOf(onDisk), utf8.encode(text), options.batch);
  });
}
