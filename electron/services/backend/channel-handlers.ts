/**
 * Channel-table methods: getChannelTable (a folder's own table, the one in force and a draft
 * from the headers) and saveChannelTable (an atomic write or removal, checked against the
 * version the edit was made from, and journaled).
 */
import path from 'node:path';
import type { ApiHandlers } from '../../../shared/api';
import { CHANNEL_TABLE_NAME } from '../../../shared/channels/channel-table';
import { ApiFailure } from '../../../shared/errors';
import {
  channelTableInForce,
  unreadableChannelTable,
  writeChannelTableFile,
  type LoadedChannelTable,
} from '../channels';
import { leavesFolder, resolveFolder, type OpenFolder } from '../folder';
import type { ProfileFinder } from '../profile';
import { draftForFolder } from '../sheets/folder-draft';
import { profileFinder, requireFolder, type BackendContext } from './backend-context';
import { journalsOf } from './save-handler';

/** The channel table file of a request's folder, with its label; OUTSIDE_FOLDER when the folder leads outside. */
async function tableFileOf(
  folder: OpenFolder,
  relFolder: string,
  finder: ProfileFinder,
): Promise<{ absDir: string; absFile: string; file: string; outside: ApiFailure | null }> {
  const absDir = await resolveFolder(folder, relFolder);
  const absFile = path.join(absDir, CHANNEL_TABLE_NAME);
  const file = finder.label(absFile);
  const outside = (await leavesFolder(folder.realRoot, absFile))
    ? new ApiFailure('OUTSIDE_FOLDER', `${file} links outside the open folder; it is not read or written.`, file)
    : null;
  return { absDir, absFile, file, outside };
}

/** Handlers of the channel-table methods. */
export function channelHandlers(context: BackendContext): Pick<ApiHandlers, 'getChannelTable' | 'saveChannelTable'> {
  return {
    async getChannelTable({ folder: relFolder }) {
      const folder = requireFolder(context);
      const finder = profileFinder(context, folder);
      const { absDir, absFile, file, outside } = await tableFileOf(folder, relFolder, finder);
      const readOwn = (): LoadedChannelTable | null =>
        outside === null ? channelTableInForce(absFile, file) : unreadableChannelTable(absFile, file, outside);
      const [own, inForce, { draft, groups, images }] = await Promise.all([
        Promise.resolve().then(readOwn),
        finder.channelTableFor(absFile),
        draftForFolder(absDir, context.scanner),
      ]);
      return {
        folder: relFolder,
        file,
        inForce: inForce?.label ?? null,
        table: own?.table ?? null,
        version: own?.version ?? null,
        problem: own?.problem ?? null,
        draft,
        groups: groups.map((group) => ({
          ...group,
          first: relFolder === '' ? group.first : `${relFolder}/${group.first}`,
        })),
        images,
      };
    },
    async saveChannelTable({ folder: relFolder, table, expected, action }) {
      const folder = requireFolder(context);
      const { absFile, file, outside } = await tableFileOf(folder, relFolder, profileFinder(context, folder));
      if (outside !== null) throw outside;
      const journal = { places: journalsOf(context, folder), tool: 'AcqMeta', action: action ?? 'Channel table' };
      return { file, version: await writeChannelTableFile(absFile, file, table, expected, journal) };
    },
  };
}
