/**
 * The rows of the images AcqMeta itself just wrote, rebuilt in the index that holds their
 * folders, so that a search sees the write at once. Only an index already in use is touched
 * (never made as a side effect), and a write never fails because of it: an index out of reach
 * is skipped with a warning, and its next refresh picks the change up.
 */
import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../disk';
import type { ImageEntry } from '../folder';
import { createProfileCache, createProfileFinder } from '../profile';
import type { TiffScanner } from '../tiff';
import type { IndexStore } from './index-store';
import { openIndex } from './open-index';
import { refreshFolder } from './refresh-folder';

/** Where and how the written images' rows are rebuilt. */
export interface WrittenRowsOptions {
  /** The index (see `indexUrl`); a relative file against `cwd`. */
  url: string;
  cwd: string;
  scanner: TiffScanner;
  /** Says why the index was not updated (the writes themselves stand). */
  warn(message: string): void;
}

/**
 * Whether an index may be in use at `url` without opening it: a PostgreSQL server is asked
 * (it was named on purpose); an SQLite file is, only when it exists.
 */
export function indexMayBeInUse(url: string, cwd: string): boolean {
  if (/^postgres(ql)?:\/\//i.test(url)) return true;
  const file = /^file:\/\//i.test(url) ? new URL(url).pathname : url;
  return existsSync(path.resolve(cwd, file));
}

/** The store over the index, so that only the written images are touched: none is taken for unchanged, gone, or a walk's end. */
function writtenOnly(store: IndexStore): IndexStore {
  return {
    ...store,
    knownUnder: async () => new Map(),
    forget: async () => undefined,
    folderDone: async () => undefined,
  };
}

/** The written images grouped by the share already indexed that holds them (its top folder), their paths real. */
async function byShare(entries: readonly ImageEntry[], shares: readonly string[]): Promise<Map<string, ImageEntry[]>> {
  const groups = new Map<string, ImageEntry[]>();
  for (const entry of entries) {
    const folder = await realpath(path.dirname(entry.absPath)).catch(() => null);
    if (folder === null) continue;
    // a named share's mount on this machine is not known here: its images wait for the next refresh
    const top = shares
      .filter((name) => path.isAbsolute(name) && isInside(name, folder))
      .sort((a, b) => a.length - b.length)[0];
    if (top === undefined) continue;
    const absPath = path.join(folder, path.basename(entry.absPath));
    const relPath = path.relative(top, absPath).split(path.sep).join('/');
    groups.set(top, [...(groups.get(top) ?? []), { ...entry, absPath, relPath }]);
  }
  return groups;
}

async function* listed(entries: readonly ImageEntry[]): AsyncGenerator<ImageEntry> {
  yield* entries;
}

/** Rebuilds the rows of `entries` (images just written) in the index at `options.url`, when it holds their folders. */
export async function updateWrittenRows(entries: readonly ImageEntry[], options: WrittenRowsOptions): Promise<void> {
  if (entries.length === 0 || !indexMayBeInUse(options.url, options.cwd)) return;
  let store: IndexStore;
  try {
    store = await openIndex(options.url, { write: false, cwd: options.cwd });
  } catch (error) {
    // a database without an index is none in use
    if (!/: no index yet;/.test((error as Error).message)) options.warn(notUpdated(options.url, error));
    return;
  }
  try {
    for (const [top, images] of await byShare(entries, await store.shareNames()))
      await refreshFolder(writtenOnly(store), top, {
        entries: listed(images),
        mounts: [],
        scanner: options.scanner,
        profiles: createProfileFinder(createProfileCache(), { root: top }),
      });
  } catch (error) {
    options.warn(notUpdated(store.where, error));
  } finally {
    await store.close().catch(() => undefined);
  }
}

function notUpdated(where: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `the index was not updated (${reason.startsWith(where) ? reason : `${where}: ${reason}`}); acqmeta index of the folder brings it up to date`;
}
