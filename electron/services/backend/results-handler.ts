/**
 * exportResults: the results table of the folder or of some of its images, as file bytes the
 * renderer offers for download. Reads sidecars only.
 */
import path from 'node:path';
import type { ApiHandlers } from '../../../shared/api';
import { listImages, type ImageEntry } from '../folder/list-images';
import { collectResults, resultsFile } from '../results';
import { requireFolder, type BackendContext } from './backend-context';
import { resolveImage, type OpenFolder } from './confine';

/** Handler of `exportResults`. */
export function resultsHandler(context: BackendContext): Pick<ApiHandlers, 'exportResults'> {
  return {
    async exportResults(request) {
      const folder = requireFolder(context);
      const entries = request.paths === null ? listImages(folder.root) : resolveAll(folder, request.paths);
      const { table } = await collectResults(folder.root, entries);
      const file = resultsFile(table, request.format, path.basename(folder.root) || 'folder');
      return { fileName: file.fileName, mimeType: file.mimeType, base64: file.bytes.toString('base64') };
    },
  };
}

/** The named images, each confined to the folder, once each, in the order given. */
async function* resolveAll(folder: OpenFolder, paths: readonly string[]): AsyncGenerator<ImageEntry> {
  for (const relPath of new Set(paths)) yield await resolveImage(folder, relPath);
}
