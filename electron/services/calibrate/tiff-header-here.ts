/**
 * The header a missing sidecar is made from, read on the calling thread with the bounded
 * reader, as `planFile` reads the IFDs: a command calibrating a few files does not start the
 * scanner's pool of worker threads, whose start-up would cost more than the writes themselves.
 */
import path from 'node:path';
import { readTiffSummary } from '../../../shared/tiff';
import type { ImageEntry } from '../folder';
import type { ImageScan } from '../rows';
import { withFileSource } from '../tiff';

/** The TIFF `entry`'s header as the scanner's summary reads it (the save path's `header`, for a new sidecar). */
export async function tiffHeaderHere(entry: ImageEntry): Promise<ImageScan> {
  const fileName = path.basename(entry.absPath);
  try {
    return { ok: true, info: await withFileSource(entry.absPath, (source) => readTiffSummary(source, { fileName })) };
  } catch (error) {
    return { ok: false, message: `${fileName}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
