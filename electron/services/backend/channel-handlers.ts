/**
 * Channel-table methods: getChannelTable (a folder's own table, the one in force and a draft
 * from the headers) and saveChannelTable (an atomic write or removal, checked against the
 * version the edit was made from).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ApiHandlers } from '../../../shared/api';
import { CHANNEL_TABLE_NAME } from '../../../shared/channels/channel-table';
import { ApiFailure } from '../../../shared/errors';
import { draftForFolder, readChannelTableFile, writeChannelTableFile } from '../channels';
import { isInside } from '../disk';
import { profileFinder, requireFolder, type BackendContext } from './backend-context';

/** The folder `relFolder` of the open folder as an absolute path; BAD_REQUEST outside it or when it is no folder. */
async function folderOf(root: string, relFolder: string): Promise<string> {
  const parts = relFolder.split('/').filter((part) => part !== '');
  if (relFolder.includes('\0') || parts.some((part) => part === '..' || part === '.'))
    throw new ApiFailure('BAD_REQUEST', `${relFolder} is not a folder of the open folder.`);
  const absDir = path.join(root, ...parts);
  const info = await stat(absDir).catch(() => null);
  if (!isInside(root, absDir) || info === null || !info.isDirectory())
    throw new ApiFailure('BAD_REQUEST', `${relFolder || 'The open folder'} is not a folder of the open folder.`);
  return absDir;
}

/** Handlers of the channel-table methods. */
export function channelHandlers(context: BackendContext): Pick<ApiHandlers, 'getChannelTable' | 'saveChannelTable'> {
  return {
    async getChannelTable({ folder: relFolder }) {
      const folder = requireFolder(context);
      const absDir = await folderOf(folder.root, relFolder);
      const finder = profileFinder(context, folder);
      const absFile = path.join(absDir, CHANNEL_TABLE_NAME);
      const file = finder.label(absFile);
      const [own, inForce, { draft, images }] = await Promise.all([
        Promise.resolve().then(() => readChannelTableFile(absFile, file)),
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
        images,
      };
    },
    async saveChannelTable({ folder: relFolder, table, expected }) {
      const folder = requireFolder(context);
      const absDir = await folderOf(folder.root, relFolder);
      const absFile = path.join(absDir, CHANNEL_TABLE_NAME);
      const file = profileFinder(context, folder).label(absFile);
      return { file, version: await writeChannelTableFile(absFile, file, table, expected) };
    },
  };
}
