/**
 * `acqmeta scan <folder> [--json] [--no-cache]`: one line per image, streamed as files are read.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { ImageRow } from '../../../shared/api';
import type { InstrumentMatch } from '../../../shared/instruments';
import { unreadSummary, UnreadTally } from '../../../shared/unread-files';
import type { ImageEntry } from '../../services/folder';
import { createProfileCache, createProfileFinder, instrumentMatchOf, type ProfileFinder } from '../../services/profile';
import { scanRows } from '../../services/rows';
import { defaultCacheDir, openScanCache } from '../../services/scan-cache';
import { createTiffScanner } from '../../services/tiff';
import { EXIT, type CliIo, type Command } from '../cli-io';
import { printable } from '../output';
import { startProgress } from '../progress';
import { listingHeading, listingLine, pathColumnWidth, rowRecord } from '../row-format';
import { folderArgument, walkFolder } from '../targets';

/** The `scan` command. */
export const scanCommand: Command = {
  name: 'scan',
  help: `Usage: acqmeta scan <folder> [--json] [--no-cache]

Lists every image under <folder> (subfolders included, hidden ones skipped): TIFFs, CZI, ND2,
LIF and OIB files, and .oir files that have a sidecar. One line per image with its path, dims,
dtype, channels, sidecar state (missing, ok, invalid) and errors.

  --json       JSON Lines, one object per image:
               {"path", "format": "tiff"|"czi"|"nd2"|"lif"|"oib"|"oir", "header": {shape, dims, sizes, dtype, num_channels, num_scenes, date,
               time} or null, "file_calibration": {"x", "y", "unit"} or null,
               "sidecar": "missing"|"ok"|"invalid", "errors": [...],
               "profile": the lab profile in force or null, "profile_problems": [...],
               "acquisition": what the header records (docs/cli.md) or null,
               for an image of an acqstore collection "exported_from": the file it came from,
               "instrument_match": the image matched to the lab's microscope catalogue
               (acqmeta.instruments/), as acqmeta show --json gives it, or null}
  --no-cache   read every file; without it, images and sidecars whose size and modification
               time are those of the last scan (by the app or this command) are not read again.
               The cache lives in the per-user cache folder (ACQMETA_CACHE_DIR overrides it).

Files of acquisition formats AcqMeta does not read (an .oir without a sidecar, .lof, .ims,
.vsi, an OME-Zarr folder, ...) get no line: after the listing they are counted by format and
named ("3 files not read: 2 OIR, 1 Imaris"), on stderr with --json.

Exits 1 when any image has errors (unreadable image file, invalid sidecar, calibration mismatch);
what the lab profile finds is listed, and checked by acqmeta validate.`,
  syntax: { positionals: { min: 1, max: 1 }, flags: ['--json', '--no-cache'] },
  async run(args, io) {
    const root = await folderArgument(io.cwd, args.positionals[0] as string);
    const scanner = createTiffScanner();
    scanner.warm(); // the workers start while the folder is walked
    const cache = await openScanCache(
      args.flags.has('--no-cache') ? null : defaultCacheDir(),
      await realpath(root),
      scanner.readerId(),
    );
    const profiles = createProfileFinder(createProfileCache(), { root });
    void profiles.forFolder(root); // a lab profile is compiled while the workers start, not with the first rows
    const rowsOf: RowsOf = (entries) => scanRows(root, entries, scanner, { cache, profiles });
    let complete = false;
    try {
      const unread = new UnreadTally();
      const json = args.flags.has('--json');
      const failed = json
        ? await scanJson(root, io, rowsOf, unread, profiles)
        : await scanReadable(root, io, rowsOf, unread);
      await reportUnread(unread, io, json);
      complete = true;
      return failed ? EXIT.problems : EXIT.ok;
    } finally {
      await cache.finish(complete);
      await scanner.close();
    }
  },
};

/** Rows of the images listed, in their order, with the problems of the lab profile in force. */
type RowsOf = (entries: AsyncIterable<ImageEntry> | Iterable<ImageEntry>) => AsyncIterable<ImageRow>;

async function scanJson(
  root: string,
  io: CliIo,
  rowsOf: RowsOf,
  unread: UnreadTally,
  profiles: ProfileFinder,
): Promise<boolean> {
  // images of equal settings share one match: its JSON is written once per match, not per line
  const matchJson = new WeakMap<InstrumentMatch, string>();
  const textOf = (match: InstrumentMatch | null): string => {
    if (match === null) return 'null';
    let text = matchJson.get(match);
    if (text === undefined) matchJson.set(match, (text = JSON.stringify(match)));
    return text;
  };
  return emit(rowsOf(walkFolder(root, unread)), io, null, async (row) => {
    // the finder has looked the catalogue up for the row already, and the match is kept per setting
    const catalogue = await profiles.instrumentsFor(path.join(root, row.path));
    const record = JSON.stringify(rowRecord(row));
    return `${record.slice(0, -1)},"instrument_match":${textOf(instrumentMatchOf(catalogue, row.acquisition))}}`;
  });
}

async function scanReadable(root: string, io: CliIo, rowsOf: RowsOf, unread: UnreadTally): Promise<boolean> {
  // The walk is cheap next to reading headers; it gives the path column its width.
  const entries: ImageEntry[] = [];
  for await (const entry of walkFolder(root, unread)) entries.push(entry);
  const width = pathColumnWidth(
    entries.map((e) => printable(e.relPath)),
    io.out.columns,
  );
  await io.out.line(listingHeading(width));
  return emit(rowsOf(entries), io, entries.length, (row) => printable(listingLine(row, width)));
}

async function emit(
  rows: AsyncIterable<ImageRow>,
  io: CliIo,
  total: number | null,
  format: (row: ImageRow) => string | Promise<string>,
): Promise<boolean> {
  const progress = startProgress(io, 'scanned', total);
  let failed = false;
  try {
    for await (const row of rows) {
      if (row.errors.length > 0) failed = true;
      await io.out.line(await format(row));
      progress.tick();
    }
  } finally {
    progress.end();
  }
  return failed;
}

/**
 * Counts and names the files the walk left out (formats AcqMeta does not read, folders too
 * deep to list): after the listing, or on stderr when stdout is JSON Lines (one object per image).
 */
async function reportUnread(tally: UnreadTally, io: CliIo, json: boolean): Promise<void> {
  const unread = tally.result();
  if (unread.count === 0) return;
  const more = unread.count - unread.paths.length;
  const lines = [
    unreadSummary(unread).replace(/^([^;]+ not read: [^;]+)/, '$1 (formats AcqMeta does not read yet)'),
    ...unread.paths.map((p) => `  ${p}`),
    ...(more > 0 ? [`  and ${more} more`] : []),
  ];
  if (json) for (const line of lines) io.err(line);
  else for (const line of ['', ...lines]) await io.out.line(printable(line));
}
