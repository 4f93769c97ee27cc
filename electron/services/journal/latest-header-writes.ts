/**
 * The latest header write of each of some images, for the recovery of a write cut short,
 * without reading a folder's whole journal (every command run leaves a file there, so the whole
 * journal grows with the folder's history, not with what a command touches).
 *
 * A write that matters to recovery is journaled just before the image is written, so its record
 * is no older than the image's modification time by more than {@link CLOCK_MARGIN_MS} (killed
 * before its first byte, the image is older still), and the file holding it, or any line taking
 * it back, was written after it. So only the journal files modified since each image's
 * modification time less twice the margin are read, and only the records made since that time
 * less the margin are taken: a later record of an image is never missed for an older one. A
 * journal folder whose header write mark is older than that holds no such record and is not read;
 * nor one whose mark holds the latest record of the one image there, when the image's size and
 * modification time are still those that write left (its mark is rewritten before each later
 * record of the folder, so none is newer; a write taken back left another size or time).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { HeaderWriteRecord } from '../../../shared/journal';
import { isInside } from '../disk';
import { defaultConfigDir } from '../folder';
import { headerMarkSince, headerWritesSince } from './header-write-marker';
import { headerLinesOf } from './header-lines';
import { journalDirsOf, journalFiles } from './read-journals';

/**
 * How far apart the clocks of a record's writer and of the disk holding the files may be, with
 * the moment between a record and the write it precedes: a network share's clock may be a few
 * seconds off the writer's. A write cut short that a wider gap hides is not finished or reverted
 * by `calibrate`; `acqmeta restore`, which reads the whole journal, still recovers it.
 */
export const CLOCK_MARGIN_MS = 5_000;

/** An image whose latest header write is asked for, with its modification time (and size) now. */
export interface ImageModified {
  absPath: string;
  mtimeMs: number;
  size?: number;
}

/**
 * The latest header write record (not taken back) of each image of `images` under `folder`,
 * by absolute path, from the journals `readFolderJournal(folder)` reads that can hold one;
 * an image whose latest record is older than its modification time less the margin (a write
 * finished, or another program's since) has none.
 */
export async function latestHeaderWritesOf(
  folder: string,
  images: readonly ImageModified[],
  configDir = defaultConfigDir(),
): Promise<Map<string, HeaderWriteRecord>> {
  const since = new Map(images.map((image) => [path.resolve(image.absPath), image.mtimeMs - CLOCK_MARGIN_MS]));
  const oldest = [...since.values()].reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY) - CLOCK_MARGIN_MS;
  const found: { absPath: string; record: HeaderWriteRecord }[] = [];
  const cancelled = new Set<string>();
  const stamps = new Map(images.map((image) => [path.resolve(image.absPath), image]));
  for (const [root, dir, within] of candidateJournals(folder, [...since.keys()], configDir)) {
    const mark = await headerMarkSince(dir, oldest);
    if (mark === undefined) continue;
    const marked = mark === null ? null : markedFinished(root, mark, stamps);
    if (mark !== null && marked !== null) {
      found.push({ absPath: marked, record: mark });
      continue;
    }
    for (const file of await journalFiles(dir)) {
      const modified = await stat(file).then(
        (info) => info.mtimeMs,
        () => Number.NEGATIVE_INFINITY,
      );
      if (modified < oldest) continue;
      const parsed = await headerLinesOf(file, within);
      for (const id of parsed.cancelled) cancelled.add(id);
      for (const record of parsed.headers) {
        const absPath = path.join(root, ...record.path.split('/'));
        const from = since.get(absPath);
        if (from !== undefined && Date.parse(record.time) >= from) found.push({ absPath, record });
      }
    }
  }
  found.sort((a, b) => (a.record.time < b.record.time ? -1 : a.record.time > b.record.time ? 1 : 0));
  const latest = new Map<string, HeaderWriteRecord>();
  for (const { absPath, record } of found) if (!cancelled.has(record.id)) latest.set(absPath, record);
  return latest;
}

/**
 * The image whose latest header write `mark` (the mark of a folder journaling `root`) is, when
 * it is the only image of `stamps` under `root` and its size and modification time are still
 * those `mark` left; null when the folder's journal files must be read.
 */
function markedFinished(
  root: string,
  mark: HeaderWriteRecord,
  stamps: ReadonlyMap<string, ImageModified>,
): string | null {
  const under = [...stamps.keys()].filter((absPath) => isInside(root, absPath));
  const absPath = path.join(root, ...mark.path.split('/'));
  const image = stamps.get(absPath);
  if (under.length !== 1 || image === undefined || image.size === undefined) return null;
  return image.size === mark.after.size && image.mtimeMs === mark.after.mtime ? absPath : null;
}

/**
 * Whether a header write was ever journaled where one of `absPaths` (images under `folder`)
 * could have its record: when not, no image's modification time needs reading, and a command
 * on thousands of images pays a few folder stats instead of one per image.
 */
export async function headerWritesMarked(
  folder: string,
  absPaths: readonly string[],
  configDir = defaultConfigDir(),
): Promise<boolean> {
  for (const [, dir] of candidateJournals(folder, absPaths, configDir))
    if (await headerWritesSince(dir, Number.NEGATIVE_INFINITY)) return true;
  return false;
}

/** The journal folders that may hold header write records of `absPaths`, each with the folder it journals and the folder its paths are read within. */
function candidateJournals(
  folder: string,
  absPaths: readonly string[],
  configDir: string,
): [root: string, dir: string, within: string][] {
  return journaledFoldersOf(path.resolve(folder), absPaths).flatMap((root) =>
    journalDirsOf(root, configDir).map(([dir, within]): [string, string, string] => [root, dir, within]),
  );
}

/** The folders from `folder` down to each image's own whose journals may hold its records (a record is kept by the folder journaled). */
function journaledFoldersOf(folder: string, absPaths: readonly string[]): string[] {
  const folders = new Set<string>([folder]);
  // thousands of images share a few folders: each folder is walked up from once
  for (const own of new Set(absPaths.map((absPath) => path.dirname(absPath))))
    for (let dir = own; !folders.has(dir) && isInside(folder, dir); dir = path.dirname(dir)) folders.add(dir);
  return [...folders];
}
