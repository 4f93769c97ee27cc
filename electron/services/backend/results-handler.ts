/**
 * exportResults: the results table of the folder or of some of its images, as file bytes the
 * renderer offers for download. Reads sidecars only.
 */
import path from 'node:path';
import type { ApiHandlers } from '../../../shared/api';
import { collectResults, resultsFile } from '../results';
import { requireFolder, type BackendContext } from './backend-context';
import { exportEntries } from './table-handlers';

/** Handler of `exportResults`. */
export function resultsHandler(context: BackendContext): Pick<ApiHandlers, 'exportResults'> {
  return {
    async exportResults(request) {
      const folder = requireFolder(context);
      const name = path.basename(folder.root) || 'folder';
      const { table, skipped } = await collectResults(folder.root, exportEntries(folder, request.paths));
      const file = await resultsFile(table, request.format);
      return {
        fileName: `${name}${file.suffix}`,
        mimeType: file.mimeType,
        base64: Buffer.from(file.bytes).toString('base64'),
        skipped,
        notes: file.notes,
      };
    },
  };
}
