/**
 * getJournal: the change journal of the open folder's images, for the History view.
 */
import type { ApiHandlers } from '../../../shared/api';
import { readFolderJournal } from '../journal';
import { requireFolder, type BackendContext } from './backend-context';

/** Handler of `getJournal`. */
export function journalHandler(context: BackendContext): Pick<ApiHandlers, 'getJournal'> {
  return {
    async getJournal({ paths, batch }) {
      const folder = requireFolder(context);
      const journal = await readFolderJournal(folder.root, context.options.configDir ?? undefined);
      const wanted = paths === undefined ? null : new Set(paths);
      const records = journal.records.filter(
        (r) => (wanted === null || wanted.has(r.path)) && (batch === undefined || r.batch === batch),
      );
      // channel tables are not images: only the whole folder's history lists their writes
      const tables = paths === undefined && batch === undefined ? journal.tables : undefined;
      return { records, problems: journal.problems, ...(tables === undefined ? {} : { tables }) };
    },
  };
}
