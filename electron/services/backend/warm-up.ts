/**
 * Reading ahead the folder opened at start: its first rows are read before a window asks for
 * them, so the scan's code is compiled and its first batch only has to check that those files
 * did not change (a `stat` each) before it goes out. Header writes cut short are recovered first,
 * while the window loads: that scan's first rows then wait on no walk of the folder's journals.
 */
import { sameStamp } from '../disk';
import { listImages, type ImageEntry, type OpenFolder } from '../folder';
import { FIRST_BATCH_ROWS, scanRows } from '../rows';
import { sameVersion } from '../sidecar';
import type { CachedImage, ScanCache } from '../scan-cache';
import { profileFinder, type BackendContext, type ReadAhead } from './backend-context';
import { recoverCutShort } from './cut-short-writes';

/**
 * Images read ahead: a scan's first batch. A new process reads its first files several times
 * slower than later ones, while V8 still interprets the code (10,000-image folder, CPU to the
 * first 32 rows: about 100 ms in a new process, 20 ms in one that has scanned before). With the
 * scan's look at the same files, this stays within the files a background worker handles at
 * normal priority (see scan-worker's FILES_BEFORE_GIVING_WAY).
 */
const WARM_UP_IMAGES = FIRST_BATCH_ROWS;

/** Files read at once: one per worker, so a scan that starts meanwhile waits for two files at most. */
const WARM_UP_IN_FLIGHT = 2;

/** The first `count` entries of a listing, listed while `wanted()`. */
async function firstOf(
  entries: AsyncIterable<ImageEntry>,
  count: number,
  wanted: () => boolean,
): Promise<ImageEntry[]> {
  const first: ImageEntry[] = [];
  for await (const entry of entries) {
    if (first.length >= count || !wanted()) break;
    first.push(entry);
  }
  return first;
}

/** `entries` for as long as `wanted()`: no read starts once a scan has. */
async function* whileWanted(entries: ImageEntry[], wanted: () => boolean): AsyncGenerator<ImageEntry> {
  for (const entry of entries) {
    if (!wanted()) return;
    yield entry;
  }
}

/**
 * Recovers the open folder's cut-short header writes, then reads its first images as a scan
 * does (headers and sidecars in the workers, rows built on this thread), without events, until
 * a scan starts; keeps what it read in `context.readAhead` for that scan. A failure only leaves
 * the code cold.
 */
export async function warmUpScan(context: BackendContext): Promise<void> {
  const folder = context.folder;
  if (folder === null) return;
  const wanted = () => context.scan === null && context.folder === folder;
  // as at a scan's start: a file that cannot be put back still reads with its old or new header
  const recovered = recoverCutShort(context, folder).catch(() => undefined);
  const ahead: ReadAhead = { folder, images: new Map(), reading: null, recovered };
  context.readAhead = ahead;
  const keeping: ScanCache = {
    take: () => undefined,
    keep: (relPath, image) => void ahead.images.set(relPath, image),
    finish: async () => undefined,
  };
  try {
    // listed first, so that the reads, once started, wait on nothing else (a slow share's walk)
    const [entries] = await Promise.all([firstOf(listImages(folder.root), WARM_UP_IMAGES, wanted), recovered]);
    if (entries.length === 0 || !wanted()) return;
    const rows = scanRows(folder.root, whileWanted(entries, wanted), context.scanner, {
      inFlight: WARM_UP_IN_FLIGHT,
      cache: keeping,
      profiles: profileFinder(context, folder),
    });
    ahead.reading = (async () => {
      for await (const row of rows) void row;
    })();
    await ahead.reading;
  } catch {
    // the scan that follows reports what cannot be read
  }
}

/** Whether two records were read from the same TIFF and sidecar (by the TIFF's stamp and the sidecar's version). */
function sameFiles(a: CachedImage, b: CachedImage): boolean {
  return (
    sameVersion(a.sidecar?.version ?? null, b.sidecar?.version ?? null) &&
    sameStamp(a.image?.stamp ?? null, b.image?.stamp ?? null)
  );
}

/** What was read ahead of `folder`'s scan, taken over by the scan starting: once, a later scan reads for itself. */
export function takeReadAhead(context: BackendContext, folder: OpenFolder): ReadAhead | null {
  const readAhead = context.readAhead?.folder === folder ? context.readAhead : null;
  context.readAhead = null;
  return readAhead;
}

/**
 * `cache` for a scan, with what was read ahead of it (see {@link takeReadAhead}) in front: an
 * image read ahead is taken from there (the scan still compares its files' stamps, so a change
 * since is read). The reads under way (one per worker at most) end first, so that the scan does
 * not read those images again.
 */
export async function withReadAhead(
  context: BackendContext,
  readAhead: ReadAhead | null,
  cache: ScanCache,
): Promise<ScanCache> {
  if (readAhead?.reading) {
    context.options.warmUp?.('awaited');
    await readAhead.reading.catch(() => undefined);
  }
  const ahead = readAhead?.images ?? null;
  if (ahead === null || ahead.size === 0) return cache;
  return {
    take(relPath) {
      const kept = cache.take(relPath); // taken there too, so that its line is not kept twice
      const read = ahead.get(relPath);
      ahead.delete(relPath);
      // the cache's own record where it describes the same files: kept as it is, its line is written again as it is
      return read === undefined || (kept !== undefined && sameFiles(kept, read)) ? kept : read;
    },
    keep: (relPath, image) => cache.keep(relPath, image),
    finish: (complete) => cache.finish(complete),
  };
}
