/**
 * The save path as its door hands it out: every image it writes is noted for the facility
 * index (see `takeWritten`), whichever writer called it.
 */
import { saveImageChanges as saveChanges } from './save-image';
import { noteWritten } from './written-images';

/** `saveImageChanges` of save-image.ts, noting the image when its sidecar was written, created or removed. */
export const saveImageChanges: typeof saveChanges = async (entry, request, context, take) => {
  const saved = await saveChanges(entry, request, context, take);
  if (saved.kind !== 'unchanged' && context.dryRun !== true)
    noteWritten(entry, saved.kind === 'removed' ? 'none' : entry.sidecar === 'link' ? 'link' : 'file');
  return saved;
};
