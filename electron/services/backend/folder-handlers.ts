/**
 * Session and folder methods: getSession, openFolder, listFolders, chooseFolderPath.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isZarrStoreName, zarrStoreOf } from '../../../shared/ngff/store-name';
import type { ApiHandlers, FolderInfo, FolderListing } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { isInside } from '../disk';
import type { BackendContext } from './backend-context';
import type { OpenFolder } from '../folder';
import { takeScanAhead } from './scan-ahead';
import { startScan } from './scan-handler';
import { warmUpScan } from './warm-up';

/** Most subfolders `listFolders` returns. */
const MAX_LISTED = 1000;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The allowed roots as real paths (those that exist), or undefined when any folder may be opened. */
export async function realAllowedRoots(context: BackendContext): Promise<string[] | undefined> {
  const allowed = context.options.allowedRoots;
  if (allowed === undefined) return undefined;
  const real = await Promise.all(allowed.map((r) => realpath(r).catch(() => null)));
  return real.filter((r) => r !== null);
}

/**
 * Checks a folder the user named (an absolute path): it must be an existing directory, neither
 * an OME-Zarr store nor inside one, and, when the backend has allowed roots, inside one of them
 * (symbolic links resolved).
 */
async function allowedFolder(context: BackendContext, folder: string): Promise<OpenFolder> {
  if (folder.includes('\0') || !path.isAbsolute(folder)) {
    throw new ApiFailure('BAD_REQUEST', `"${folder}" is not an absolute folder path.`);
  }
  const root = path.resolve(folder);
  const realRoot = await realpath(root).catch(() => {
    throw new ApiFailure('NOT_FOUND', `${root} does not exist.`);
  });
  if (!(await stat(realRoot)).isDirectory()) throw new ApiFailure('NOT_FOUND', `${root} is not a folder.`);
  // a store (or a folder inside one) is an image: opened, it would be walked and written into
  if ([root, realRoot].some((dir) => zarrStoreOf(dir.split(path.sep).join('/')) !== null)) {
    throw new ApiFailure('BAD_REQUEST', `${root} is an OME-Zarr store, or lies in one: open the folder that holds it.`);
  }
  const allowed = await realAllowedRoots(context);
  if (allowed !== undefined && !allowed.some((r) => isInside(r, realRoot))) {
    throw new ApiFailure('OUTSIDE_FOLDER', `${root} is outside the folders this server may open.`);
  }
  return { root, realRoot };
}

/**
 * Opens `folder` (an absolute path): it must be an existing directory and, when the backend
 * has allowed roots, inside one of them. Cancels a running scan, starts the scanner's workers
 * for the scan that follows, watches the new folder (when the backend watches) and records
 * the folder as recent; with `readAhead` (the folder opened at start), reads its first images
 * ahead of its scan (see warm-up).
 */
export async function openFolderAt(context: BackendContext, folder: string, readAhead = false): Promise<FolderInfo> {
  const opened = await allowedFolder(context, folder);
  context.cancelScan();
  context.scanner.warm();
  context.headers.clear();
  context.imageFolders.forget();
  context.collectionRows.forget();
  context.folder = opened;
  context.live.open(opened);
  context.options.recent?.add(opened.root);
  // a window opens a folder to scan it at once: only the one opened at start is read ahead
  if (readAhead) void warmUpScan(context).then(() => context.options.warmUp?.('over'));
  else context.options.warmUp?.('none');
  return folderInfo(opened.root);
}

function folderInfo(root: string): FolderInfo {
  return { root, name: path.basename(root) || root };
}

/** The subfolders of an allowed folder; links are followed only when they stay inside the allowed roots. */
async function listFolders(context: BackendContext, folder: string | undefined): Promise<FolderListing> {
  const roots = context.options.allowedRoots;
  const allowed = await realAllowedRoots(context);
  if (roots === undefined || allowed === undefined) {
    throw new ApiFailure(
      'BAD_REQUEST',
      'The folder list is for browser mode; this window shows the system’s folder dialog.',
    );
  }
  const { root, realRoot } = await allowedFolder(context, folder ?? roots[0] ?? '');
  const entries = await readdir(realRoot, { withFileTypes: true }).catch(() => {
    throw new ApiFailure('IO', `${root} cannot be read.`);
  });
  const names: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    // a Zarr store is an image, not a folder to open
    if (isZarrStoreName(entry.name)) continue;
    if (entry.isDirectory()) names.push(entry.name);
    else if (entry.isSymbolicLink()) {
      const target = await realpath(path.join(realRoot, entry.name)).catch(() => null);
      const isFolder =
        target !== null &&
        (await stat(target).then(
          (s) => s.isDirectory(),
          () => false,
        ));
      if (isFolder && allowed.some((r) => isInside(r, target))) names.push(entry.name);
    }
  }
  names.sort(collator.compare);
  const parent = path.dirname(root);
  const realParent = await realpath(parent).catch(() => null);
  const parentAllowed =
    parent !== root &&
    !allowed.includes(realRoot) &&
    realParent !== null &&
    allowed.some((r) => isInside(r, realParent));
  const folders = names.slice(0, MAX_LISTED).map((name) => ({ name, path: path.join(root, name) }));
  return { path: root, parent: parentAllowed ? parent : null, folders, truncated: names.length > MAX_LISTED };
}

/** The native folder dialog's answer; BAD_REQUEST where the front door has none (browser mode). */
async function chooseFolder(context: BackendContext, purpose: 'open' | 'output'): Promise<string | null> {
  const { chooseFolder: choose } = context.options;
  if (choose === undefined) {
    throw new ApiFailure('BAD_REQUEST', 'This window cannot show a folder dialog: give the folder path.');
  }
  return choose(purpose);
}

/** Handlers of the session and folder methods. */
export function folderHandlers(
  context: BackendContext,
): Pick<ApiHandlers, 'getSession' | 'openFolder' | 'listFolders' | 'chooseFolderPath'> {
  return {
    async getSession(request) {
      const { door, recent, sampleFolder, allowedRoots } = context.options;
      const listed = recent?.list() ?? [];
      return {
        door,
        folder: context.folder === null ? null : folderInfo(context.folder.root),
        // A recent folder this server may not open would only fail: leave it out.
        recent:
          allowedRoots === undefined
            ? listed
            : listed.filter((f) => allowedRoots.some((r) => isInside(path.resolve(r), path.resolve(f)))),
        sampleFolder: sampleFolder ?? null,
        watching: context.live.watching(),
        scanId:
          request.scan === true && context.folder !== null ? (takeScanAhead(context) ?? startScan(context)) : null,
      };
    },
    async openFolder(request) {
      if (request.path !== undefined) return openFolderAt(context, request.path);
      const chosen = await chooseFolder(context, 'open');
      return chosen === null ? null : openFolderAt(context, chosen);
    },
    listFolders: (request) => listFolders(context, request.path),
    chooseFolderPath: async () => ({ path: await chooseFolder(context, 'output') }),
  };
}
