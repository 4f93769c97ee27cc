/**
 * Header writes cut short, for the commands that read or write an image (`calibrate`, `restore`,
 * `set`, `show`): the latest header write record of each image named, read from the journals
 * of the folders given, and each interrupted one finished or reverted before anything else is done.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { HeaderWriteRecord } from '../../shared/journal';
import { folderOfImage, isStoreFolderPath } from '../../shared/ngff/store-name';
import { recoverHeaderWrite } from '../services/calibrate';
import { isInside } from '../services/disk';
import {
  headerWritesMarked,
  journalPlaces,
  latestHeaderWritesOf,
  type ImageModified,
  type JournalPlaces,
} from '../services/journal';
import { mapInOrder } from '../services/rows';
import { CliError, EXIT, type CliIo } from './cli-io';

/** Modification times read at once: enough to keep the disk busy, few enough not to crowd out other work. */
const STATS_IN_FLIGHT = 64;

/** The folders of a command's arguments, each argument looked at once. */
export interface ArgumentFolders {
  /** Each argument's folder (a folder itself; an image's, or its collection's, for an image), each once. */
  folders: string[];
  /** The arguments that are folders (not OME-Zarr stores, which are images), in argument order: the journal's roots. */
  roots: string[];
}

/** Adds the argument at `absolute` (a folder when `isDirectory`) to `into`'s folders and roots. */
export function addArgumentFolder(into: ArgumentFolders, absolute: string, isDirectory: boolean): void {
  // a store is an image though a folder; a collection's image lies in the folder holding the collection
  const folder = isDirectory && !isStoreFolderPath(absolute);
  if (folder) into.roots.push(absolute);
  const own = folder ? absolute : folderOfImage(absolute);
  if (!into.folders.includes(own)) into.folders.push(own);
}

/** The folders of the arguments `given` (images or folders), one stat each. */
export async function argumentFolders(cwd: string, given: readonly string[]): Promise<ArgumentFolders> {
  const found: ArgumentFolders = { folders: [], roots: [] };
  for (const target of given) {
    const absolute = path.resolve(cwd, target);
    const info = await stat(absolute).catch(() => null);
    if (info === null) throw new CliError(EXIT.usage, `${target}: no such file or folder`);
    addArgumentFolder(found, absolute, info.isDirectory());
  }
  return found;
}

/**
 * The latest header write record of each image of `entries` (under `folders`, the arguments'
 * folders) that may have been cut short, by absolute path: read only from the journal files
 * written since the image was last modified (see `latestHeaderWritesOf`). Images are stated only
 * under a folder whose journals ever marked a header write (see `headerWritesMarked`).
 */
export async function latestHeaderRecords(
  folders: readonly string[],
  entries: readonly { absPath: string }[],
): Promise<Map<string, HeaderWriteRecord>> {
  const latest = new Map<string, HeaderWriteRecord>();
  for (const folder of folders) {
    const under = imagesInside(folder, entries);
    if (under.length === 0 || !(await headerWritesMarked(folder, under))) continue;
    for (const [absPath, record] of await latestHeaderWritesOf(folder, await modifiedTimes(under)))
      latest.set(absPath, record);
  }
  return latest;
}

/**
 * The paths of the images of `entries` inside `folder`: each image's own folder is looked at
 * once (a bulk set names thousands of images in a few folders); an image outside by its folder
 * may still be `folder` itself (a store given by name).
 */
function imagesInside(folder: string, entries: readonly { absPath: string }[]): string[] {
  const inside = new Map<string, boolean>();
  return entries.flatMap(({ absPath }) => {
    const dir = path.dirname(absPath);
    let found = inside.get(dir);
    if (found === undefined) inside.set(dir, (found = isInside(folder, dir)));
    return found || isInside(folder, absPath) ? [absPath] : [];
  });
}

/** The modification time and size of each image of `absPaths` that is still there. */
async function modifiedTimes(absPaths: readonly string[]): Promise<ImageModified[]> {
  const images: ImageModified[] = [];
  const stated = mapInOrder(absPaths, STATS_IN_FLIGHT, async (absPath) => ({
    absPath,
    info: await stat(absPath).catch(() => null),
  }));
  for await (const { absPath, info } of stated)
    if (info !== null) images.push({ absPath, mtimeMs: info.mtimeMs, size: info.size });
  return images;
}

/**
 * Finishes or reverts the interrupted header write of each image of `absPaths` that has one
 * (`latest`, from {@link latestHeaderRecords}), saying so on stderr by the image's name;
 * resolves to the absolute paths of the images it changed.
 */
export async function recoverInterrupted(
  absPaths: readonly { absPath: string; relPath: string }[],
  latest: ReadonlyMap<string, HeaderWriteRecord>,
  places: JournalPlaces,
  io: CliIo,
): Promise<Set<string>> {
  const changed = new Set<string>();
  for (const { absPath, relPath } of absPaths) {
    const record = latest.get(absPath);
    if (record === undefined) continue;
    const place = await places.placeFor(absPath);
    if (place === null) continue;
    const done = await recoverHeaderWrite(absPath, record, place.dir);
    if (done !== null) changed.add(absPath);
    if (done === 'reverted')
      io.err(
        `${relPath}: a header write (record ${record.id}) was cut short before readers saw it; the file is put back as it was`,
      );
    else if (done === 'finished') io.err(`${relPath}: an interrupted header write (record ${record.id}) is finished`);
  }
  return changed;
}

/**
 * Finishes or reverts every interrupted header write of `entries` (the images of the arguments
 * `given`), as `calibrate` does first: for a command that reads or writes those images. Cheap
 * when there is none: only the journal files written since each image was modified are read.
 */
export async function recoverHeaderWritesOf(
  io: CliIo,
  given: readonly string[],
  entries: readonly { absPath: string; relPath: string }[],
): Promise<void> {
  const { folders, roots } = await argumentFolders(io.cwd, given);
  const latest = await latestHeaderRecords(folders, entries);
  if (latest.size === 0) return;
  const places = journalPlaces({
    roots,
    onFallback: (root, dir) => io.err(`warning: ${root} cannot be written; its change journal is kept in ${dir}`),
  });
  await recoverInterrupted(entries, latest, places, io);
}
