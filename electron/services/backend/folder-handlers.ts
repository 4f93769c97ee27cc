/**
 * Session and folder methods: getSession, openFolder.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ApiHandlers, FolderInfo } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { isInside } from '../folder/inside';
import type { BackendContext } from './backend-context';

/**
 * Opens `folder` (an absolute path): it must be an existing directory and, when the backend
 * has allowed roots, inside one of them. Cancels a running scan, watches the new folder (when
 * the backend watches) and records the folder as recent.
 */
export async function openFolderAt(context: BackendContext, folder: string): Promise<FolderInfo> {
  if (folder.includes('\0') || !path.isAbsolute(folder)) {
    throw new ApiFailure('BAD_REQUEST', `"${folder}" is not an absolute folder path.`);
  }
  const root = path.resolve(folder);
  const realRoot = await realpath(root).catch(() => {
    throw new ApiFailure('NOT_FOUND', `${root} does not exist.`);
  });
  if (!(await stat(realRoot)).isDirectory()) throw new ApiFailure('NOT_FOUND', `${root} is not a folder.`);
  const allowed = context.options.allowedRoots;
  if (allowed !== undefined) {
    const realAllowed = await Promise.all(allowed.map((r) => realpath(r).catch(() => null)));
    if (!realAllowed.some((r) => r !== null && isInside(r, realRoot))) {
      throw new ApiFailure('OUTSIDE_FOLDER', `${root} is outside the folders this server may open.`);
    }
  }
  context.cancelScan();
  context.folder = { root, realRoot };
  context.live.open(context.folder);
  context.options.recent?.add(root);
  return folderInfo(root);
}

function folderInfo(root: string): FolderInfo {
  return { root, name: path.basename(root) || root };
}

/** Handlers of the session and folder methods. */
export function folderHandlers(context: BackendContext): Pick<ApiHandlers, 'getSession' | 'openFolder'> {
  return {
    async getSession() {
      const { door, recent, sampleFolder } = context.options;
      return {
        door,
        folder: context.folder === null ? null : folderInfo(context.folder.root),
        recent: recent?.list() ?? [],
        sampleFolder: sampleFolder ?? null,
        watching: context.live.watching(),
      };
    },
    async openFolder(request) {
      if (request.path !== undefined) return openFolderAt(context, request.path);
      const { chooseFolder } = context.options;
      if (chooseFolder === undefined) {
        throw new ApiFailure('BAD_REQUEST', 'This window cannot show a folder dialog: give the folder path.');
      }
      const chosen = await chooseFolder();
      return chosen === null ? null : openFolderAt(context, chosen);
    },
  };
}
