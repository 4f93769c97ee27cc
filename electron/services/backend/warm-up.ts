/**
 * Warming the scan of the folder opened at start: its first images are read once and their
 * rows thrown away, so the scan's code is compiled before a window asks for its first rows.
 */
import { listImages, type ImageEntry } from '../folder/list-images';
import { scanRows } from '../rows';
import { profileFinder, type BackendContext } from './backend-context';

/**
 * Images read to warm up. A new process reads its first files several times slower than later
 * ones, while V8 still interprets the code (10,000-image folder, CPU to the first 32 rows: about
 * 100 ms in a new process, 20 ms in one that has scanned before; after this warm-up, 104 against
 * 148 ms, medians of four). Few enough that a background worker still reads a scan's first
 * batch at normal priority (see scan-worker's FILES_BEFORE_GIVING_WAY).
 */
const WARM_UP_IMAGES = 16;

/** Files read at once: one per worker, so a scan that starts meanwhile waits for two files at most. */
const WARM_UP_IN_FLIGHT = 2;

/** The first `count` entries of a listing, while `wanted()`. */
async function* firstOf(entries: AsyncIterable<ImageEntry>, count: number, wanted: () => boolean): AsyncGenerator<ImageEntry> {
  let taken = 0;
  for await (const entry of entries) {
    if (taken++ >= count || !wanted()) return;
    yield entry;
  }
}

/**
 * Reads the first images of the open folder as a scan does (headers and sidecars in the
 * workers, rows built on this thread), without the scan cache and without events, until a
 * scan starts; a failure only leaves the code cold.
 */
export async function warmUpScan(context: BackendContext): Promise<void> {
  const folder = context.folder;
  if (folder === null) return;
  const wanted = () => context.scan === null && context.folder === folder;
  try {
    const entries = firstOf(listImages(folder.root), WARM_UP_IMAGES, wanted);
    const rows = scanRows(folder.root, entries, context.scanner, { inFlight: WARM_UP_IN_FLIGHT, profiles: profileFinder(context, folder) });
    for await (const row of rows) void row;
  } catch {
    // the scan that follows reports what cannot be read
  }
}
