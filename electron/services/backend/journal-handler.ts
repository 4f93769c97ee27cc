/**
 * getJournal: the change journal of the open folder's images, for the History view. The journal
 * read is kept for as long as the folder is open, and read again incrementally at each request.
 */
import type { ApiHandlers } from '../../../shared/api';
import { defaultConfigDir, type OpenFolder } from '../folder';
import { FolderJournalReader } from '../journal';
import { requireFolder, type BackendContext } from './backend-context';

/** Handler of `getJournal`. */
export function journalHandler(context: BackendContext): Pick<ApiHandlers, 'getJournal'> {
  // one reader per opening of a folder: dropped with it
  const readers = new WeakMap<OpenFolder, FolderJournalReader>();
  return {
    async getJournal({ paths, batch }) {
      const folder = requireFolder(context);
      let reader = readers.get(folder);
      if (reader === undefined) {
        reader = new FolderJournalReader(folder.root, context.options.configDir ?? defaultConfigDir());
        readers.set(folder, reader);
      }
      const journal = await reader.read();
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
