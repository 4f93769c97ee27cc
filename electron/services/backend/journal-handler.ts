/**
 * getJournal: the change journal of the open folder's images, for the History view; the
 * channel-table restore from it (planChannelTableRestore, restoreChannelTable), the channels
 * service's plan and checked write, journaled like a save of the table; and a header write
 * undone byte for byte (undoHeaderWrite), through the calibrate service's undo as `acqmeta
 * restore --undo` does. The journal read is kept for as long as the folder is open, and read
 * again incrementally at each request.
 */
import { randomUUID } from 'node:crypto';
import type { ApiHandlers, FolderJournal } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { latestHeaderWrites, undoHeaderWrite } from '../calibrate';
import { planChannelTableRestore, writeTableRestore, type PlannedTableRestore } from '../channels';
import { defaultConfigDir, resolveImage, type OpenFolder } from '../folder';
import { FolderJournalReader } from '../journal';
import { requireFolder, type BackendContext } from './backend-context';
import { journalsOf } from './save-handler';

type JournalHandlers = Pick<
  ApiHandlers,
  'getJournal' | 'planChannelTableRestore' | 'restoreChannelTable' | 'undoHeaderWrite'
>;

// one reader per opening of a folder: dropped with it
const readers = new WeakMap<OpenFolder, FolderJournalReader>();

/** The change journal of the open `folder`, read again incrementally (one reader per opening of a folder). */
export function readOpenJournal(context: BackendContext, folder: OpenFolder): Promise<FolderJournal> {
  let reader = readers.get(folder);
  if (reader === undefined) {
    reader = new FolderJournalReader(folder.root, context.options.configDir ?? defaultConfigDir());
    readers.set(folder, reader);
  }
  return reader.read();
}

/** Handlers of `getJournal`, the channel-table restore and the undo of a header write. */
export function journalHandler(context: BackendContext): JournalHandlers {
  const readJournal = (folder: OpenFolder) => readOpenJournal(context, folder);
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
      const chosen = (r: { path: string; batch: string }) =>
        (wanted === null || wanted.has(r.path)) && (batch === undefined || r.batch === batch);
      const records = journal.records.filter(chosen);
      const headers = journal.headers?.filter(chosen) ?? [];
      // channel tables and descriptions are not images: only the whole folder's history lists their writes
      const whole = paths === undefined && batch === undefined;
      const tables = whole ? journal.tables : undefined;
      const instruments = whole ? journal.instruments : undefined;
      return {
        records,
        problems: journal.problems,
        ...(tables === undefined ? {} : { tables }),
        ...(instruments === undefined ? {} : { instruments }),
        ...(headers.length === 0 ? {} : { headers }),
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
    async undoHeaderWrite({ id }) {
      const folder = requireFolder(context);
      const headers = (await readJournal(folder)).headers ?? [];
      const record = headers.find((h) => h.id === id);
      if (record === undefined) throw new ApiFailure('NOT_FOUND', `The change journal has no header write ${id}.`);
      const latest = latestHeaderWrites(headers).get(record.path);
      if (latest !== undefined && latest.id !== record.id)
        throw new ApiFailure(
          'CONFLICT',
          `${record.path}: a later header write (“${latest.action}”) changed it since; undo that one first. Nothing was written.`,
          record.path,
        );
      const entry = await resolveImage(folder, record.path);
      const journal = {
        places: journalsOf(context, folder),
        tool: 'AcqMeta',
        action: `Undo “${record.action}”`,
        batch: randomUUID(),
      };
      await undoHeaderWrite(entry.absPath, record, journal).catch((error: unknown) => {
        if ((error as { code?: unknown }).code !== 'CHANGED') throw error;
        throw new ApiFailure('CONFLICT', `${record.path}: ${(error as Error).message}.`, record.path);
      });
      return { path: record.path };
    },
  };
}
