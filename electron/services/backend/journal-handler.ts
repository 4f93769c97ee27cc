/**
 * getJournal: the change journal of the open folder's images, for the History view; and the
 * channel-table restore from it (planChannelTableRestore, restoreChannelTable), the channels
 * service's plan and checked write, journaled like a save of the table. The journal read is
 * kept for as long as the folder is open, and read again incrementally at each request.
 */
import type { ApiHandlers } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { planChannelTableRestore, writeTableRestore, type PlannedTableRestore } from '../channels';
import { defaultConfigDir, type OpenFolder } from '../folder';
import { FolderJournalReader } from '../journal';
import { requireFolder, type BackendContext } from './backend-context';
import { journalsOf } from './save-handler';

type JournalHandlers = Pick<ApiHandlers, 'getJournal' | 'planChannelTableRestore' | 'restoreChannelTable'>;

/** Handlers of `getJournal` and the channel-table restore. */
export function journalHandler(context: BackendContext): JournalHandlers {
  // one reader per opening of a folder: dropped with it
  const readers = new WeakMap<OpenFolder, FolderJournalReader>();
  const readJournal = (folder: OpenFolder) => {
    let reader = readers.get(folder);
    if (reader === undefined) {
      reader = new FolderJournalReader(folder.root, context.options.configDir ?? defaultConfigDir());
      readers.set(folder, reader);
    }
    return reader.read();
  };
  /** The restore before table record `id`, planned now; NOT_FOUND when no table record has that id. */
  const plan = async (folder: OpenFolder, id: string): Promise<PlannedTableRestore> => {
    const journal = await readJournal(folder);
    const planned = await planChannelTableRestore(folder.root, journal.tables ?? [], id);
    if (planned === null) throw new ApiFailure('NOT_FOUND', `The change journal has no channel table record ${id}.`);
    return planned;
  };
  return {
    async getJournal({ paths, batch }) {
      const journal = await readJournal(requireFolder(context));
      const wanted = paths === undefined ? null : new Set(paths);
      const records = journal.records.filter(
        (r) => (wanted === null || wanted.has(r.path)) && (batch === undefined || r.batch === batch),
      );
      // channel tables and descriptions are not images: only the whole folder's history lists their writes
      const whole = paths === undefined && batch === undefined;
      const tables = whole ? journal.tables : undefined;
      const instruments = whole ? journal.instruments : undefined;
      return {
        records,
        problems: journal.problems,
        ...(tables === undefined ? {} : { tables }),
        ...(instruments === undefined ? {} : { instruments }),
      };
    },
    async planChannelTableRestore({ id }) {
      return (await plan(requireFolder(context), id)).plan;
    },
    async restoreChannelTable({ id, expected }) {
      const folder = requireFolder(context);
      const planned = await plan(folder, id);
      const action = `Restore before “${planned.plan.action}”`;
      const journal = { places: journalsOf(context, folder), tool: 'AcqMeta', action };
      return { file: planned.plan.file, version: await writeTableRestore(planned, expected, journal) };
    },
  };
}
