/**
 * exportResults: the results table of the folder or of some of its images, as file bytes the
 * renderer offers for download. Reads sidecars only.
 */
import type { ApiHandlers } from '../../../shared/api';
import { collectResults, resultsFile } from '../results';
import { requireFolder, type BackendContext } from './backend-context';
import { downloadOf, exportEntries, exportName } from './table-handlers';

/** Handler of `exportResults`. */
export function resultsHandler(context: BackendContext): Pick<ApiHandlers, 'exportResults'> {
  return {
    async exportResults(request) {
      const folder = requireFolder(context);
      const { table, skipped } = await collectResults(folder.root, exportEntries(folder, request.paths));
      return downloadOf(exportName(folder), await resultsFile(table, request.format), skipped);
    },
  };
}
