/**
 * A row built with the scan cache: a TIFF whose stamp is unchanged is not read again (the
 * worker only `stat`s it), nor is a sidecar whose size and modification time are unchanged.
 */
import { stat } from 'node:fs/promises';
import type { ImageRow } from '../../../shared/api';
import { toApiError } from '../../../shared/errors';
import type { ImageEntry } from '../folder/list-images';
import type { CachedImage, ScanCache } from '../scan-cache';
import { sidecarPathFor } from '../sidecar';
import type { TiffScanner } from '../tiff';
import { composeRow, readEntrySidecar, type ImageScan, type SidecarSummary } from './image-row';

async function readHeader(entry: ImageEntry, scanner: TiffScanner, known: CachedImage['image']): Promise<{ scan: ImageScan | null; kept: CachedImage['image'] }> {
  if (entry.kind !== 'tiff') return { scan: null, kept: null };
  try {
    const { info, stamp } = await scanner.summary(entry.absPath, known?.stamp ?? null);
    const summary = info ?? known?.summary;
    if (summary === undefined) throw new Error('the scanner skipped a file it did not know');
    return { scan: { ok: true, info: summary }, kept: { stamp, summary } };
  } catch (error) {
    return { scan: { ok: false, message: toApiError(error).message }, kept: null };
  }
}

async function readSidecar(root: string, entry: ImageEntry, known: SidecarSummary | null): Promise<{ summary: SidecarSummary; kept: SidecarSummary | null }> {
  if (entry.sidecar === 'file' && known?.version != null) {
    const { size, mtimeMs } = known.version;
    const now = await stat(sidecarPathFor(entry.absPath)).catch(() => null);
    if (now !== null && now.isFile() && now.size === size && now.mtimeMs === mtimeMs) return { summary: known, kept: known };
  }
  const summary = await readEntrySidecar(root, entry);
  // a link is read every time (its target may change); so is a sidecar that could not be read
  return { summary, kept: entry.sidecar === 'file' && summary.version !== null ? summary : null };
}

/** Builds an image's row, reading only what changed since `cache` kept it; keeps what was read. Never rejects. */
export async function buildCachedRow(root: string, entry: ImageEntry, scanner: TiffScanner, cache: ScanCache): Promise<ImageRow> {
  const known = cache.take(entry.relPath);
  const [header, sidecar] = await Promise.all([readHeader(entry, scanner, known?.image ?? null), readSidecar(root, entry, known?.sidecar ?? null)]);
  cache.keep(entry.relPath, { image: header.kept, sidecar: sidecar.kept });
  return composeRow(entry, header.scan, sidecar.summary);
}
