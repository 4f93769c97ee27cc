/**
 * A row built with the scan cache: a TIFF whose stamp is unchanged is not read again (the
 * worker only `stat`s it), nor is a sidecar whose size and modification time are unchanged
 * (the worker `stat`s it with the TIFF, off the main thread) — unless a lab profile applies to
 * the image: a profile checks the whole sidecar, which the cache does not keep. A sidecar the
 * cache cannot spare is read by the worker with its TIFF's header, where it can be.
 */
import { stat } from 'node:fs/promises';
import type { ImageRow } from '../../../shared/api';
import { toApiError } from '../../../shared/errors';
import { readsFileHeader } from '../../../shared/image-format';
import type { FileStamp } from '../disk';
import type { ImageEntry } from '../folder';
import { sharedSummary, type CachedImage, type ScanCache, type SidecarSummary } from '../scan-cache';
import { noteValueProblems, sidecarPathFor } from '../sidecar';
import type { SidecarBytes, SidecarTask, TiffScanner } from '../tiff';
import { instrumentMatchOf, type ProfileFinder } from '../profile';
import { composeRow, readEntrySidecar, sidecarReadBy, summarizeSidecar, type ImageScan } from './image-row';

/** A header as read, and the sidecar's stamp or the sidecar itself if the worker took them (undefined: not taken). */
interface HeaderRead {
  scan: ImageScan | null;
  kept: CachedImage['image'];
  sidecarStamp: FileStamp | null | undefined;
  sidecarRead: SidecarBytes | undefined;
}

async function readHeader(
  entry: ImageEntry,
  scanner: TiffScanner,
  known: CachedImage['image'],
  sidecar: SidecarTask,
): Promise<HeaderRead> {
  if (!readsFileHeader(entry.format))
    return { scan: null, kept: null, sidecarStamp: undefined, sidecarRead: undefined };
  try {
    const read = await scanner.summary(entry.absPath, { known: known?.stamp ?? null, sidecar });
    // equal headers share one frozen summary (see summary-pool): the window's rows share them, and they travel once per event
    const summary = read.info === null ? known?.summary : sharedSummary(read.info);
    if (summary === undefined) throw new Error('the scanner skipped a file it did not know');
    const kept = read.info === null && known !== null ? known : { stamp: read.stamp, summary };
    return {
      scan: { ok: true, info: summary },
      kept,
      sidecarStamp: sidecar === 'stamp' ? read.sidecar : undefined,
      sidecarRead: read.sidecarRead,
    };
  } catch (error) {
    return {
      scan: { ok: false, message: toApiError(error).message },
      kept: null,
      sidecarStamp: undefined,
      sidecarRead: undefined,
    };
  }
}

/** The stamp of an image's sidecar, taken here (where the worker did not take it); null when it is not a file. */
function sidecarStampOf(entry: ImageEntry): Promise<FileStamp | null> {
  return stat(sidecarPathFor(entry.absPath)).then(
    (s) => (s.isFile() ? s : null),
    () => null,
  );
}

/** Whether a sidecar with stamp `now` is the one `known` was read from. */
function unchanged(known: SidecarSummary, now: FileStamp | null): boolean {
  return now !== null && now.size === known.version?.size && now.mtimeMs === known.version.mtimeMs;
}

/** A cached summary taken as read: what validating its content found counts, as for a read (saves rely on it). */
function reuse(known: SidecarSummary): SidecarSummary {
  if (known.state === 'ok' && known.version !== null) noteValueProblems(known.version.sha256, known.problems);
  return known;
}

/**
 * Builds an image's row, reading only what changed since `cache` kept it, with the problems
 * the profile in force finds; keeps what was read. Never rejects.
 */
export async function buildCachedRow(
  root: string,
  entry: ImageEntry,
  scanner: TiffScanner,
  cache: ScanCache,
  profiles?: ProfileFinder,
): Promise<ImageRow> {
  const known = cache.take(entry.relPath);
  // a link is read every time (its target may change); a listed file is compared by its stamp
  const candidate = entry.sidecar === 'file' && known?.sidecar?.version != null ? known.sidecar : null;
  // a sidecar listed as a file comes with the header: its stamp (to compare) or the file itself
  const task: SidecarTask = entry.sidecar !== 'file' ? null : candidate !== null ? 'stamp' : 'read';
  // the header is read while the profile in force is looked up (the first look-up compiles it)
  const header = readHeader(entry, scanner, known?.image ?? null, task);
  const [profile, channels, instruments] =
    profiles === undefined
      ? [null, null, null]
      : await Promise.all([
          profiles.forImage(entry.absPath),
          profiles.channelTableFor(entry.absPath),
          profiles.instrumentsFor(entry.absPath),
        ]);
  // a profile checks the whole file, so where one applies the sidecar is read again
  const knownSidecar = profile?.profile.compiled == null ? candidate : null;
  const read = async (): Promise<SidecarSummary> => summarizeSidecar(await readEntrySidecar(root, entry));
  // read here, alongside the header, where neither the worker nor the cache gives the sidecar
  const readHere = task !== 'read' && knownSidecar === null ? read() : null;
  const scanned = await header;
  let summary: SidecarSummary;
  if (readHere !== null) summary = await readHere;
  else if (task === 'read') {
    // read here only where the worker could not (not a TIFF, or its header failed)
    summary =
      scanned.sidecarRead === undefined ? await read() : summarizeSidecar(sidecarReadBy(entry, scanned.sidecarRead));
  } else {
    const sidecar = knownSidecar as SidecarSummary;
    const now = scanned.sidecarStamp !== undefined ? scanned.sidecarStamp : await sidecarStampOf(entry);
    summary = unchanged(sidecar, now) ? reuse(sidecar) : await read();
  }
  const keptSidecar = entry.sidecar === 'file' && summary.version !== null ? summary : null;
  const same = known !== undefined && scanned.kept === known.image && keptSidecar === known.sidecar;
  cache.keep(entry.relPath, same ? known : { image: scanned.kept, sidecar: keptSidecar });
  const match = instrumentMatchOf(instruments, scanned.scan?.ok === true ? scanned.scan.info.acquisition : null);
  return composeRow(entry, scanned.scan, summary, profile, channels, match);
}
