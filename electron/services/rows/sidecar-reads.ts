/**
 * The sidecars of many images read for an export (a table, the results), a few at a time and
 * handed on in the images' order, with the images an invalid sidecar leaves out.
 */
import type { ImageEntry } from '../folder';
import { readEntrySidecar, type SidecarRead } from './image-row';
import { mapInOrder } from './map-in-order';

/** Sidecars read at once. */
const IN_FLIGHT = 32;

/** An image left out of an export, and why. */
export interface SkippedImage {
  path: string;
  message: string;
}

/**
 * Each entry with its sidecar read (`root`: the folder the entries' paths are relative to),
 * in order; an entry whose sidecar is invalid is also added to `skipped`.
 */
export async function* readSidecarsInOrder(
  root: string,
  entries: AsyncIterable<ImageEntry> | Iterable<ImageEntry>,
  skipped: SkippedImage[],
): AsyncGenerator<{ entry: ImageEntry; read: SidecarRead }> {
  const read = async (entry: ImageEntry) => ({ entry, read: await readEntrySidecar(root, entry) });
  for await (const item of mapInOrder(entries, IN_FLIGHT, read)) {
    if (item.read.state === 'invalid')
      skipped.push({ path: item.entry.relPath, message: `invalid sidecar: ${item.read.problems.join('; ')}` });
    yield item;
  }
}
