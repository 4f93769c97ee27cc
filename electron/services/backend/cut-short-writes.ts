/**
 * Header writes cut short (a crash, a kill) in the open folder, finished or reverted before the
 * app reads or writes those images: when a scan starts and before calibration writes. Only images
 * the journal holds a header write for are looked at, a few bytes each, and only journal folders
 * marked as holding one are read for them (see `folderHeaderWrites`).
 */
import path from 'node:path';
import { recoverHeaderWrite } from '../calibrate';
import { defaultConfigDir, type OpenFolder } from '../folder';
import { folderHeaderWrites } from '../journal';
import type { BackendContext } from './backend-context';
import { journalsOf } from './save-handler';

/** Finishes or reverts the cut-short header writes of the open `folder`'s images (of `relPaths` only, when given). */
export async function recoverCutShort(
  context: BackendContext,
  folder: OpenFolder,
  relPaths?: readonly string[],
): Promise<void> {
  const latest = await folderHeaderWrites(folder.root, context.options.configDir ?? defaultConfigDir());
  if (latest.size === 0) return;
  const only = relPaths === undefined ? null : new Set(relPaths);
  const places = journalsOf(context, folder);
  for (const [relPath, record] of latest) {
    if (only !== null && !only.has(relPath)) continue;
    const absPath = path.join(folder.root, ...relPath.split('/'));
    const place = await places.placeFor(absPath);
    if (place !== null) await recoverHeaderWrite(absPath, record, place.dir);
  }
}
