/**
 * An exported image read back as soon as it is written, through AcqMeta's own NGFF reader: the
 * axes, levels and sample type written, and every plane of every level decoding (zarrita and
 * numcodecs) to the SHA-256 of the plane written (the source's at level 0). Each level's array
 * is opened once.
 */
import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { levelShapes, type ExportImage } from '../../../shared/ngff/export/collection-documents';
import { readNgffImage } from '../../../shared/ngff/read-ngff';
import { LocalZarrStore } from '../ngff/local-zarr-store';
import { levelPlanes } from '../tiff';
import { VerifyError } from './verify-collection';
import { digestKey, type PlaneDigests } from './write-image';

const sameList = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((value, i) => value === b[i]);

/** Reads back the image written at `folder`; throws a {@link VerifyError} naming the first difference. */
export async function readBackImage(
  folder: string,
  image: ExportImage,
  digests: PlaneDigests,
  signal?: AbortSignal,
): Promise<void> {
  const store = new LocalZarrStore(folder);
  const read = await readNgffImage(store).catch((error: unknown) => {
    throw new VerifyError(`${image.id} does not read back: ${error instanceof Error ? error.message : String(error)}`);
  });
  const shapes = levelShapes(image.shape, image.axes);
  const names = (axes: readonly { name: string }[]) => axes.map((a) => a.name);
  if (
    read.version !== '0.5' ||
    !sameList(names(read.axes), names(image.axes)) ||
    read.levels.length !== shapes.length ||
    read.levels.some((level, i) => !sameList(level.shape, shapes[i] as number[]) || level.dtype !== image.dtype)
  )
    throw new VerifyError(`${image.id} reads back with other axes, levels or sample type than were written`);
  const size = (name: string): number => {
    const at = image.axes.findIndex((a) => a.name === name);
    return at < 0 ? 1 : (image.shape[at] as number);
  };
  for (const [index, level] of read.levels.entries()) {
    const planeOf = await levelPlanes(store, read, level);
    for (let t = 0; t < size('t'); t++)
      for (let c = 0; c < size('c'); c++)
        for (let z = 0; z < size('z'); z++) {
          signal?.throwIfAborted();
          await nextTurn();
          const values = await planeOf({ c, z, t });
          const digest = createHash('sha256')
            .update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength))
            .digest('hex');
          if (digest !== digests.get(digestKey(index, { t, c, z })))
            throw new VerifyError(
              `${image.id}'s level ${index} plane (t ${t}, c ${c}, z ${z}) reads back otherwise than written`,
            );
        }
  }
}
