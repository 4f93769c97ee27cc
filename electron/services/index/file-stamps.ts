/**
 * The file facts of images and their sidecars, a chunk of images at a time. On a local disk a
 * `stat` answers in microseconds, and handing each to the thread pool costs several times the
 * `stat` itself, so they are taken on this thread; on a network share each is a round trip, and
 * one at a time would wait on each in turn, so from the first chunk that answers at a share's
 * pace on, they are taken many at once on the thread pool.
 */
import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { stampOf, type FileStamp } from '../disk';
import type { ImageEntry } from '../folder';
import { sidecarPathFor } from '../sidecar';

/** An image's file facts, and its sidecar's (null: none). */
export interface Stamps {
  image: FileStamp;
  sidecar: FileStamp | null;
}

/** The mean time of one image's facts above which the disk answers at a network share's pace. */
const SHARE_PACE_MS = 0.2;

function stampHere(file: string): FileStamp | null {
  try {
    const stats = statSync(file, { throwIfNoEntry: false });
    return stats === undefined ? null : stampOf(stats);
  } catch {
    return null;
  }
}

const stampOnPool = (file: string): Promise<FileStamp | null> => stat(file).then(stampOf, () => null);

// the walk's listing says whether there is a sidecar: what the row will be read with
const sidecarOf = (entry: ImageEntry): string | null =>
  entry.sidecar === 'none' ? null : sidecarPathFor(entry.absPath);

function stampsHere(entry: ImageEntry): Stamps | null {
  const image = stampHere(entry.absPath);
  if (image === null) return null;
  const sidecar = sidecarOf(entry);
  return { image, sidecar: sidecar === null ? null : stampHere(sidecar) };
}

async function stampsOnPool(entry: ImageEntry): Promise<Stamps | null> {
  const sidecar = sidecarOf(entry);
  const [image, sidecarStamp] = await Promise.all([
    stampOnPool(entry.absPath),
    sidecar === null ? null : stampOnPool(sidecar),
  ]);
  return image === null ? null : { image, sidecar: sidecarStamp };
}

/**
 * A function giving each chunk's file facts (null: the image is gone since the walk listed it),
 * on this thread until a chunk takes more than a local disk would, on the thread pool from then
 * on. `clock` is the time in milliseconds.
 */
export function createStampTaker(
  clock: () => number = () => performance.now(),
): (entries: readonly ImageEntry[]) => Promise<(Stamps | null)[]> {
  let onPool = false;
  return async (entries) => {
    if (onPool) return Promise.all(entries.map(stampsOnPool));
    const started = clock();
    const stamps = entries.map(stampsHere);
    if ((clock() - started) / Math.max(entries.length, 1) > SHARE_PACE_MS) onPool = true;
    return stamps;
  };
}
