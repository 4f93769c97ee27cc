/**
 * A damaged sidecar that is about to be replaced is first kept beside it (or beside its store),
 * byte for byte.
 */
import path from 'node:path';
import type { FileSnapshot } from './opened-file';
import { replaceFile } from './replace-file';
import { folderOfImage } from '../../../shared/ngff/store-name';
import { sidecarPathFor } from './sidecar-path';
import type { WriteBatch } from './write-batch';

/** `20261124T091502Z`: the UTC time of the copy, in a file name every system accepts. */
function compactTime(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/**
 * Writes `damaged` (the sidecar's bytes as read) to `<image>.json.damaged-<UTC time>` beside
 * it, atomically and synced with `batch`, and returns that file's name. No scan takes it for a
 * sidecar: its name does not end in `.json`. The copy of a CloudScope store's sidecar, kept
 * inside it, goes beside the store (`x.cs.ome.zarr.acqstore.acq_image.json.damaged-<time>`), and
 * that of a collection's image beside the collection
 * (`c.ome.zarr.acq_images.acq_image_000.acqstore.acq_image.json.damaged-<time>`): nothing but the
 * sidecar is written inside a store. Callers hold the sidecar's lock.
 */
export async function keepDamaged(imagePath: string, damaged: FileSnapshot, batch?: WriteBatch): Promise<string> {
  const folder = folderOfImage(imagePath);
  const sidecar = path.relative(folder, sidecarPathFor(imagePath)).split(path.sep).join('.');
  const name = `${sidecar}.damaged-${compactTime(new Date())}`;
  await replaceFile(
    path.join(folder, name),
    damaged.bytes.slice(),
    { mode: damaged.mode, found: null, name, imagePath },
    batch,
  );
  return name;
}
