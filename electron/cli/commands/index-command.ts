/**
 * `acqmeta index <folder>... [--db <url>] [--share <name>=<mount>]`: adds or refreshes folders
 * in the facility index, reading only the images that changed since the last run.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { createProfileCache, createProfileFinder } from '../../services/profile';
import type { ImageEntry } from '../../services/folder';
import {
  indexUrl,
  openIndex,
  parseShare,
  refreshFolder,
  updateWrittenRows,
  type IndexStore,
  type ShareMount,
} from '../../services/index';
import { createTiffScanner } from '../../services/tiff';
import { EXIT, type CliIo, type Command } from '../cli-io';
import { refusedAsUsage } from '../index-refusals';
import { lastOption } from '../args';
import { startProgress } from '../progress';
import { folderArgument, walkFolder } from '../targets';

/** The `index` command. */
export const indexCommand: Command = {
  name: 'index',
  help: `Usage: acqmeta index <folder>... [--db <url>] [--share <name>=<mount>]

Adds every image under each <folder> to the index, or refreshes it: an image whose file and
sidecar have the size, modification time and inode the index holds is not read again; an image
that is gone is forgotten. Per image the index keeps what acqmeta scan --json gives, never pixels.

  --db <url>              the index: an SQLite file, or postgresql://user@host/database for one a
                          facility shares. Default: ACQMETA_DB, else index.sqlite in AcqMeta's
                          settings folder (~/.config/AcqMeta on Linux).
  --share <name>=<mount>  a share this machine mounts at <mount>: a folder under it is kept by its
                          path in the share, so machines that mount it elsewhere agree. Repeatable.
                          A folder under no named share is its own share, named by its path here
                          (or lies in the one already indexed that holds it).

Prints, per folder, the images added, updated, forgotten and unchanged. Writes in batches: a
run that is stopped leaves a consistent index, and the next run finishes the work.`,
  syntax: { positionals: { min: 1, max: Infinity }, options: ['--db', '--share'] },
  async run(args, io) {
    const folders: string[] = [];
    for (const given of args.positionals) folders.push(await realpath(await folderArgument(io.cwd, given)));
    const mounts = await shareMounts(io.cwd, args.options.get('--share') ?? []);
    const store = await refusedAsUsage(() =>
      openIndex(indexUrl(lastOption(args, '--db')), { write: true, cwd: io.cwd }),
    );
    // not warmed: a refresh of an unchanged folder reads no header, and the first image to read starts the workers
    const scanner = createTiffScanner();
    try {
      for (const root of folders) await indexOne(store, root, mounts, io, scanner);
      return EXIT.ok;
    } finally {
      await scanner.close();
      await store.close();
    }
  },
};

/** The shares of the `--share` options, their mounts as real paths. */
async function shareMounts(cwd: string, given: readonly string[]): Promise<ShareMount[]> {
  const mounts: ShareMount[] = [];
  for (const text of given) {
    const { name, mount } = await refusedAsUsage(async () => parseShare(text));
    mounts.push({ name, mount: await realpath(await folderArgument(cwd, mount)) });
  }
  return mounts;
}

async function indexOne(
  store: IndexStore,
  root: string,
  mounts: readonly ShareMount[],
  io: CliIo,
  scanner: ReturnType<typeof createTiffScanner>,
): Promise<void> {
  const progress = startProgress(io, 'indexed', null);
  try {
    const { place, counts } = await refreshFolder(store, root, {
      entries: walkFolder(root),
      mounts,
      scanner,
      profiles: createProfileFinder(createProfileCache(), { root }),
      onImage: () => progress.tick(),
    });
    const where = place.folder === '' ? place.share : `${place.share}: ${place.folder}`;
    await io.out.line(
      `${path.relative(io.cwd, root) || '.'} (${where}): ${counts.added} added, ${counts.updated} updated, ${counts.forgotten} forgotten, ${counts.unchanged} unchanged`,
    );
  } finally {
    progress.end();
  }
}

/** Rebuilds, in the index at `url`, the rows of the images command `name` wrote; a failure is a warning on stderr. */
export async function updateIndexRows(
  written: readonly ImageEntry[],
  url: string,
  io: CliIo,
  name: string,
): Promise<void> {
  const scanner = createTiffScanner();
  try {
    await updateWrittenRows(written, {
      url,
      cwd: io.cwd,
      scanner,
      warn: (message) => io.err(`acqmeta ${name}: warning: ${message}`),
    });
  } finally {
    await scanner.close();
  }
}
