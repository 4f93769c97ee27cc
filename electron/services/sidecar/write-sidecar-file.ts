/**
 * The disk side of a save (`saveFieldChanges` holds the lock): what is at a sidecar's path
 * now, and its atomic replacement.
 */
import { realpath } from 'node:fs/promises';
import type { SidecarVersion } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { ioFailure } from './file-snapshot';
import type { StampedSnapshot } from './opened-file';
import { replaceFile } from './replace-file';
import { sidecarNameFor, sidecarPathFor } from './sidecar-path';
import type { WriteBatch } from './write-batch';
import type { Found } from './write-worker-protocol';
import { readInWorker } from './write-worker-client';
import { rememberWritten } from './written-versions';
import type { JournalEntry } from './write-worker-protocol';

/** A sidecar as found just before a write: its bytes (null: no file) and the file a write replaces. */
export interface SidecarOnDisk {
  snapshot: StampedSnapshot | null;
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
    return { snapshot: (await readInWorker(target, name, imagePath, false)) as StampedSnapshot | null, target };
  } catch (error) {
    throw ioFailure(error, `${name} could not be read`, imagePath);
  }
}

/**
 * How a sidecar found on disk is replaced: the file written, its permission bits, whether this
 * process may write it, and the version found (which must still be there at the rename).
 */
export interface WriteTarget {
  file: string;
  /** The old file's permission bits (kept); undefined when there was no file. */
  mode: number | undefined;
  writable: boolean;
  /** The version read and the file's stamp then (null: there was no file). */
  found: Found | null;
}

/** The target of a write over the sidecar found as `onDisk` (nothing of its bytes is kept). */
export function writeTargetOf(onDisk: SidecarOnDisk): WriteTarget {
  const { snapshot } = onDisk;
  return {
    file: onDisk.target,
    mode: snapshot?.mode,
    writable: snapshot?.writable !== false,
    found: snapshot === null ? null : { version: snapshot.version, stamp: snapshot.stamp },
  };
}

/**
 * Writes `bytes` over the sidecar at `target` (callers hold the lock) and returns the new
 * version. A read-only sidecar is refused; the old file's permission bits are kept. Another
 * program's write just before or after the rename fails with `CONFLICT` (see `replaceFile`).
 * A `journal` record is synced before the rename.
 * Bytes that have their buffer to themselves are handed to the write worker: do not use them after.
 */
export async function replaceSidecar(
  imagePath: string,
  target: WriteTarget,
  bytes: Uint8Array,
  batch?: WriteBatch,
  journal?: JournalEntry,
): Promise<SidecarVersion> {
  const name = sidecarNameFor(imagePath);
  try {
    if (!target.writable) throw new ApiFailure('IO', `${name} could not be saved: the file is read-only`, imagePath);
    const version = await replaceFile(
      target.file,
      bytes,
      { mode: target.mode, found: target.found, name, imagePath, ...(journal === undefined ? {} : { journal }) },
      batch,
    );
    rememberWritten(sidecarPathFor(imagePath), version);
    return version;
  } catch (error) {
    throw ioFailure(error, `${name} could not be saved`, imagePath);
  }
}
