/**
 * Where an image's journal records go: the `.acqmeta/journal/` folder nearest above the image
 * (its own folder included) up to the folder the writer opened that holds the image (the
 * image's own folder when none does), never one above it; else that opened folder's, made by
 * the write worker with the first record it appends. A folder up to there whose `.acqmeta/` holds `journal-off` is not journaled;
 * a folder that cannot be written keeps its journal in the per-user settings folder instead. */
import { createHash } from 'node:crypto';
import { access, constants, mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { folderOfImage } from '../../../shared/ngff/store-name';
import { isInside } from '../disk';
import { defaultConfigDir, keepInSettings } from '../folder';

/** The folder, under a journaled folder, that holds its journal files. */
export const JOURNAL_DIR = path.join('.acqmeta', 'journal');
/** A file in `.acqmeta/` that turns the journal off for the folder and everything below it. */
export const JOURNAL_OFF = path.join('.acqmeta', 'journal-off');

/** A journal: the folder whose images' paths its records are relative to, and its files' folder. */
export interface JournalPlace {
  root: string;
  dir: string;
}

/** Finds (and on first use makes) the journals of one writer's images. */
export interface JournalPlaces {
  /** The journal of the image at `imagePath`; null when journaling is off there. */
  placeFor(imagePath: string): Promise<JournalPlace | null>;
}

/** What the places are decided from. */
export interface JournalPlacesOptions {
  /** The folders the writer opened (a command's folder arguments, the app's open folder), first first. */
  roots: readonly string[];
  /** The per-user settings folder (the fallback for folders that cannot be written). */
  configDir?: string;
  /** Told once per folder whose journal had to go to the settings folder. */
  onFallback?: (root: string, dir: string) => void;
}

/** The places of one writer; what it learns of each folder is kept for its lifetime. */
export function journalPlaces(options: JournalPlacesOptions): JournalPlaces {
  const found = new Map<string, Promise<JournalPlace | null | undefined>>();
  const made = new Map<string, Promise<JournalPlace>>();
  const roots = options.roots.map((root) => path.resolve(root));

  /** The journal at or above `dir`, up to `top` (null: off there; undefined: none yet). */
  function nearest(dir: string, top: string): Promise<JournalPlace | null | undefined> {
    const key = `${dir}\0${top}`;
    let answer = found.get(key);
    if (answer === undefined) {
      const parent = path.dirname(dir);
      const above = dir === top || parent === dir ? undefined : nearest(parent, top);
      answer = Promise.all([lookIn(dir), above]).then(([here, up]) =>
        // off anywhere above wins over a journal here; a journal here over one above
        here === null || up === null ? null : (here ?? up),
      );
      found.set(key, answer);
    }
    return answer;
  }

  function make(root: string): Promise<JournalPlace> {
    let place = made.get(root);
    if (place === undefined) {
      place = makeJournal(root, options.configDir ?? defaultConfigDir(), options.onFallback);
      made.set(root, place);
    }
    return place;
  }

  return {
    async placeFor(imagePath) {
      const absPath = path.resolve(imagePath);
      // an image that is a folder (an OME-Zarr store) is journaled above it, never inside; a
      // collection's image above the collection
      const folder = folderOfImage(absPath);
      const top = roots.find((root) => root !== absPath && isInside(root, absPath) && isInside(root, folder)) ?? folder;
      const place = await nearest(folder, top);
      return place === undefined ? make(top) : place;
    },
  };
}

async function isDir(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

async function lookIn(dir: string): Promise<JournalPlace | null | undefined> {
  if (
    await stat(path.join(dir, JOURNAL_OFF)).then(
      () => true,
      () => false,
    )
  )
    return null;
  return (await isDir(path.join(dir, JOURNAL_DIR))) ? { root: dir, dir: path.join(dir, JOURNAL_DIR) } : undefined;
}

/**
 * `root`'s journal folder, made by the first record appended (not here: a write that fails
 * leaves none), or its stand-in in the settings folder, made now, when `root` cannot be
 * written: the nearest of the journal folder, `.acqmeta/` and `root` that exists is asked.
 */
async function makeJournal(
  root: string,
  configDir: string,
  onFallback?: (root: string, dir: string) => void,
): Promise<JournalPlace> {
  const dir = path.join(root, JOURNAL_DIR);
  const existing = (await isDir(dir)) ? dir : (await isDir(path.dirname(dir))) ? path.dirname(dir) : root;
  try {
    await access(existing, constants.W_OK);
    return { root, dir };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') throw error;
  }
  const fallback = settingsJournalDir(configDir, root);
  await keepInSettings(configDir, `The change journal of ${root} (which cannot be written)`, async () => {
    await mkdir(fallback, { recursive: true });
    await writeFile(path.join(fallback, 'folder.txt'), `${root}\n`);
  });
  onFallback?.(root, fallback);
  return { root, dir: fallback };
}

/** The settings folder's stand-in for the journal of `root`, a folder that cannot be written. */
export function settingsJournalDir(configDir: string, root: string): string {
  const key = createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 16);
  return path.join(configDir, 'journals', key);
}
