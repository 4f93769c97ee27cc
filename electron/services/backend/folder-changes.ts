/**
 * Turns changed paths under the open folder into what the table needs: the rows of images
 * that appeared or changed (read again through the row builder) and the paths that are gone.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  COLLECTION_IMAGES_FOLDER,
  COLLECTION_MANIFEST_KEY,
  isCollectionMemberPath,
  isMemberName,
  isZarrStoreName,
  zarrStoreOf,
} from '../../../shared/ngff/store-name';
import { exportedFromOf } from '../../../shared/ngff/collection-manifest';
import { NgffReadError } from '../../../shared/ngff/types';
import { memberFolderAt, readCollectionAt } from '../ngff/collection-at';
import type { ImageRow } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { CHANNEL_TABLE_NAME } from '../../../shared/channels/channel-table';
import { INSTRUMENTS_FOLDER } from '../../../shared/instruments';
import { PROFILE_FILE_NAME } from '../../../shared/profile';
import type { CollectionRows } from './collection-rows';
import { imageFormat, listImages, resolveImage, type ImageEntry, type OpenFolder, type RealFolders } from '../folder';
import type { ProfileFinder } from '../profile';
import { buildImageRow, mapInOrder } from '../rows';
import { isOwnWriteOnDisk } from '../sidecar';
import { sidecarShownFor } from '../../../shared/sidecar-location';
import type { TiffScanner } from '../tiff';

/** Rows read at once. */
const IN_FLIGHT = 32;

/** What changed, in chunks the UI takes in one go. */
export interface FolderChanges {
  rows: ImageRow[];
  removed: string[];
  /** A lab profile file (`acqmeta.profile.json`), channel table or microscope description came, went or changed. */
  profiles: boolean;
  /** The folders (relative) whose microscope descriptions came, went or changed: the rows below them match anew. */
  catalogues: string[];
}

/** What a changed path says about an image: its file changed, or only its sidecar. */
type Cause = 'image' | 'sidecar';

/**
 * Reads again the images that `paths` (absolute) touch, with the lab profiles in force, and
 * calls `emit` with chunks of at most `chunk` rows. A sidecar that still holds what this
 * process wrote is our own save coming back and is left out. When a profile file changed,
 * every chunk says so (the rows read here already follow it; the others are checked again).
 * `collections` is what the window has of each collection's images: a rewritten manifest is compared with it.
 */
export async function readFolderChanges(
  folder: OpenFolder,
  paths: readonly string[],
  scanner: TiffScanner,
  profiles: ProfileFinder,
  collections: Pick<CollectionRows, 'shown'>,
  emit: (changes: FolderChanges) => void,
  chunk = 500,
): Promise<void> {
  // a channel table or a microscope description is a folder rule like a profile: the rows below it are checked again
  const catalogues = catalogueFolders(folder.root, paths);
  const profileChanged =
    catalogues.length > 0 ||
    paths.some((absPath) => [PROFILE_FILE_NAME, CHANNEL_TABLE_NAME].includes(path.basename(absPath)));
  const { images, removed } = await classify(folder.root, paths, collections);
  let rows: ImageRow[] = [];
  let emitted = false;
  const realFolders: RealFolders = new Map();
  const read = async ([relPath, cause]: [string, Cause]): Promise<{
    relPath: string;
    row: ImageRow | 'removed' | null;
  }> => {
    if (cause === 'sidecar' && (await isOwnWriteOnDisk(path.join(folder.root, ...relPath.split('/')))))
      return { relPath, row: null };
    let entry;
    try {
      entry = await resolveImage(folder, relPath, realFolders);
    } catch (error) {
      const gone = error instanceof ApiFailure && (error.code === 'NOT_FOUND' || error.code === 'OUTSIDE_FOLDER');
      if (gone && isCollectionMemberPath(relPath)) {
        // a listed image whose folder is missing or a link stays a row that says so, as a scan lists it
        const kept = await unreadableMember(folder.root, relPath);
        return {
          relPath,
          row: kept === 'removed' || kept === null ? kept : await buildImageRow(folder.root, kept, scanner, profiles),
        };
      }
      return { relPath, row: gone ? 'removed' : null };
    }
    return { relPath, row: await buildImageRow(folder.root, entry, scanner, profiles) };
  };
  const flush = (): void => {
    if (rows.length === 0 && removed.length === 0 && !(profileChanged && !emitted)) return;
    emit({ rows, removed: removed.splice(0), profiles: profileChanged, catalogues });
    emitted = true;
    rows = [];
  };
  for await (const { relPath, row } of mapInOrder(images.entries(), IN_FLIGHT, read)) {
    if (row === 'removed') removed.push(relPath);
    else if (row !== null) rows.push(row);
    if (rows.length + removed.length >= chunk) flush();
  }
  flush();
}

/** The folders (relative to `root`, `/`-separated) holding the `acqmeta.instruments` folders that `paths` touch. */
function catalogueFolders(root: string, paths: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const absPath of paths) {
    const catalogue = path.basename(absPath) === INSTRUMENTS_FOLDER ? absPath : path.dirname(absPath);
    if (path.basename(catalogue) !== INSTRUMENTS_FOLDER) continue;
    const relative = path.relative(root, path.dirname(catalogue));
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) folders.add(relative.split(path.sep).join('/'));
  }
  return [...folders];
}

/** The images touched (an image's own change outranks its sidecar's) and the folders gone. */
async function classify(
  root: string,
  paths: readonly string[],
  collections: Pick<CollectionRows, 'shown'>,
): Promise<{ images: Map<string, Cause>; removed: string[] }> {
  const images = new Map<string, Cause>();
  const removed: string[] = [];
  const touch = (relPath: string, cause: Cause): void => {
    if (images.get(relPath) !== 'image') images.set(relPath, cause);
  };
  /** The stores touched, each once a batch: with the cause, and whether only a collection's manifest changed. */
  const stores = new Map<string, { cause: Cause; manifestOnly: boolean }>();
  for (const absPath of paths) {
    const relative = path.relative(root, absPath);
    const relPath = relative.split(path.sep).join('/');
    // a change inside a Zarr store (its `.zattrs` included) is a change of the store's image
    const store = zarrStoreOf(relPath);
    // Outside the folder (`..`), the folder itself, or hidden (our temp files among them).
    if (relative === '' || path.isAbsolute(relative) || (store ?? relPath).split('/').some((s) => s.startsWith('.')))
      continue;
    const name = path.basename(relPath);
    if (store !== null) {
      // CloudScope's sidecar inside its own store is the store's sidecar
      const cause = relPath === sidecarShownFor(store) ? 'sidecar' : 'image';
      const manifestOnly = relPath === `${store}/${COLLECTION_MANIFEST_KEY}`;
      const was = stores.get(store);
      stores.set(store, {
        cause: was?.cause === 'image' ? 'image' : cause,
        manifestOnly: (was?.manifestOnly ?? true) && manifestOnly,
      });
    } else if (imageFormat(name) !== null) touch(relPath, 'image');
    else if (name.endsWith('.json') && imageFormat(name.slice(0, -5)) !== null) touch(relPath.slice(0, -5), 'sidecar');
    else await classifyOther(absPath, relPath, touch, removed);
  }
  for (const [store, { cause, manifestOnly }] of stores) {
    const collection =
      isZarrStoreName(path.basename(store)) && (await touchCollection(root, store, collections, touch, manifestOnly));
    if (!collection) touch(store, cause);
  }
  return { images, removed };
}

/**
 * When the store `relStore` is (or was) an acqstore collection, touches what of it may have
 * changed, and returns true; false for a store of another kind. When only its manifest changed,
 * the images it lists that the window has no row of, or a row saying another source file, and
 * those the window has rows of that it no longer lists (all it lists, when the window has none);
 * else those and the folders under `acq_images` too (the collection may have been replaced). An
 * image no longer listed is found gone when it is read. The collection itself is touched when
 * its manifest has problems (its row says what); while the manifest cannot be read (half
 * written, say), its images are left as they are.
 */
async function touchCollection(
  root: string,
  relStore: string,
  collections: Pick<CollectionRows, 'shown'>,
  touch: (relPath: string, cause: Cause) => void,
  manifestOnly: boolean,
): Promise<boolean> {
  const absStore = path.join(root, ...relStore.split('/'));
  const shown = collections.shown(relStore);
  const collection = await readCollectionAt(absStore).catch((error: unknown) =>
    error instanceof NgffReadError ? ('unreadable' as const) : null,
  );
  if (collection === null && shown.size === 0) return false;
  if (collection === null || collection === 'unreadable' || collection.problems.length > 0) touch(relStore, 'image');
  if (collection === 'unreadable') return true;
  const listed = collection === null ? [] : collection.members;
  const touchImage = (member: string): void => touch(`${relStore}/${COLLECTION_IMAGES_FOLDER}/${member}`, 'image');
  if (manifestOnly && shown.size > 0) {
    const now = new Set(listed);
    for (const member of listed)
      if (!shown.has(member) || shown.get(member) !== collection?.exportedFrom.get(member)) touchImage(member);
    for (const member of shown.keys()) if (!now.has(member)) touchImage(member);
    return true;
  }
  const onDisk = await readdir(path.join(absStore, COLLECTION_IMAGES_FOLDER), { withFileTypes: true }).catch(
    () => [] as Dirent[],
  );
  const folders = onDisk.filter((entry) => entry.isDirectory() && isMemberName(entry.name)).map((entry) => entry.name);
  for (const member of new Set([...listed, ...shown.keys(), ...folders])) touchImage(member);
  return true;
}

/**
 * What a collection's image that did not resolve is now: an entry to read (the manifest lists it,
 * and its folder is missing or a link: its row says so, no sidecar read), gone (not listed), or
 * null, unchanged, when that cannot be told now (the manifest unreadable, a disk error).
 */
async function unreadableMember(root: string, relPath: string): Promise<ImageEntry | 'removed' | null> {
  const absPath = path.join(root, ...relPath.split('/'));
  const collectionPath = path.dirname(path.dirname(absPath));
  const collection = await readCollectionAt(collectionPath).catch(() => undefined);
  if (collection === undefined) return null;
  const name = path.basename(absPath);
  if (collection?.listed.has(name) !== true) return 'removed';
  if (memberFolderAt(collectionPath, name) === 'folder') return null;
  return { relPath, absPath, format: 'ome-zarr', sidecar: 'none', ...exportedFromOf(collection, name) };
}

/** A path that names no image or sidecar: a folder that came (its images are read) or went. */
async function classifyOther(
  absPath: string,
  relPath: string,
  touch: (relPath: string, cause: Cause) => void,
  removed: string[],
): Promise<void> {
  const info = await stat(absPath).catch(() => null);
  if (info === null) {
    removed.push(relPath);
    return;
  }
  if (!info.isDirectory()) return;
  try {
    for await (const entry of listImages(absPath)) touch(`${relPath}/${entry.relPath}`, 'image');
  } catch {
    // Gone again or unreadable: its own events follow.
  }
}
