/**
 * The save path as its door hands it out: every image it writes is noted for the facility
 * index (see `takeWritten`), whichever writer called it.
 */
import type { ImageEntry } from '../folder';
import type { TakeFromSaved } from '../sidecar';
import { saveImageChanges as saveChanges, type ImageChanges, type ImageSaved, type SaveContext } from './save-image';
import { noteWritten } from './written-images';

/** `saveImageChanges` of save-image.ts, noting the image when its sidecar was written, created or removed. */
export async function saveImageChanges<T = undefined>(
  entry: ImageEntry,
  request: ImageChanges,
  context: SaveContext,
  take?: TakeFromSaved<T>,
): Promise<ImageSaved<T>> {
  const saved = await saveChanges(entry, request, context, take);
  if (saved.kind !== 'unchanged' && context.dryRun !== true)
    noteWritten(entry, saved.kind === 'removed' ? 'none' : entry.sidecar === 'link' ? 'link' : 'file');
  return saved;
}
