/**
 * Indexes one folder: its images walked, each image's file facts (size, modification time,
 * inode: the scan cache's rules) compared with those the index holds, only the new and changed
 * ones read, written in batches of one transaction each, and the images gone forgotten once
 * the walk is complete. A run that is killed leaves whole batches; the next one finishes it.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ImageRow } from '../../../shared/api';
import { atWritePoint, sameStamp } from '../disk';
import type { ImageEntry } from '../folder';
import type { ProfileFinder } from '../profile';
import { scanRows } from '../rows';
import type { TiffScanner } from '../tiff';
import { createStampTaker, type Stamps } from './file-stamps';
import { columnsOf } from './image-columns';
import type { ImageWrite, IndexStore, KnownImage } from './index-store';

/** Images written per transaction: a killed run loses at most one batch of work. */
const BATCH = 500;

/** Images whose file facts are taken before the walk gives way to other work (the app's events). */
const STATS_AT_A_TIME = 256;

/** A folder to index and where it lies in its share. */
export interface FolderToIndex {
  /** The folder on this machine. */
  root: string;
  /** Its images, as the walk lists them (paths relative to `root`). */
  entries: AsyncIterable<ImageEntry>;
  share: string;
  /** The folder's path in its share, `/`-separated (`''`: the share's top). */
  folder: string;
}

/** What reading a changed image needs. */
export interface IndexReaders {
  scanner: TiffScanner;
  profiles: ProfileFinder;
  /** The `scan --json` record of a row (its path already the share's), as JSON text. */
  recordOf(row: ImageRow, absPath: string): Promise<string>;
  /** Called after each image, read or not. */
  onImage?(): void;
  /** Stops the run after the image under way: what was read is written, nothing is forgotten. */
  signal?: AbortSignal;
}

/** What one run did to the index. */
export interface IndexCounts {
  added: number;
  updated: number;
  unchanged: number;
  forgotten: number;
  /** Stopped by the signal: the images not reached keep what the index held, none was forgotten. */
  cancelled: boolean;
}

/** An image new or changed since the index read it, on its way to be read. */
interface ToRead {
  path: string;
  absPath: string;
  stamps: Stamps;
  isNew: boolean;
}

/** The walk's images, `size` at a time (the last chunk may be shorter). */
async function* chunksOf(entries: AsyncIterable<ImageEntry>, size: number): AsyncGenerator<ImageEntry[]> {
  let chunk: ImageEntry[] = [];
  for await (const entry of entries) {
    chunk.push(entry);
    if (chunk.length < size) continue;
    yield chunk;
    chunk = [];
  }
  if (chunk.length > 0) yield chunk;
}

function unchanged(known: KnownImage | undefined, now: Stamps): boolean {
  return known !== undefined && sameStamp(known.image, now.image) && sameStamp(known.sidecar, now.sidecar);
}

/** Adds or refreshes `target` in `store`; resolves to what changed. */
export async function indexFolder(
  store: IndexStore,
  target: FolderToIndex,
  readers: IndexReaders,
): Promise<IndexCounts> {
  const shareId = await store.shareId(target.share);
  const known = await store.knownUnder(shareId, target.folder);
  const counts: IndexCounts = { added: 0, updated: 0, unchanged: 0, forgotten: 0, cancelled: false };
  const sharePath = (relPath: string): string => (target.folder === '' ? relPath : `${target.folder}/${relPath}`);
  const stopped = (): boolean => readers.signal?.aborted === true;
  const seen = new Set<string>();
  // the images being read, in the walk's order: the scan's rows come back in that order, one each
  const reading: ToRead[] = [];
  // the walk: an unchanged image is counted as it passes (no row read, none written); the others are read
  async function* changedEntries(): AsyncGenerator<ImageEntry> {
    const stampsOf = createStampTaker();
    for await (const chunk of chunksOf(target.entries, STATS_AT_A_TIME)) {
      const chunkStamps = await stampsOf(chunk);
      for (const [at, entry] of chunk.entries()) {
        if (stopped()) {
          counts.cancelled = true;
          return;
        }
        const stamps = chunkStamps[at] ?? null;
        const path = sharePath(entry.relPath);
        const before = stamps === null ? undefined : known.get(path);
        if (stamps === null || unchanged(before, stamps)) {
          if (stamps !== null) {
            seen.add(path);
            counts.unchanged++;
          }
          readers.onImage?.();
          continue;
        }
        reading.push({ path, absPath: entry.absPath, stamps, isNew: before === undefined });
        yield entry;
      }
      await nextTurn();
    }
  }
  let batch: ImageWrite[] = [];
  // the stamps are taken before the row is read, so a change while it is read is seen next time
  for await (const read of scanRows(target.root, changedEntries(), readers.scanner, { profiles: readers.profiles })) {
    const { path, absPath, stamps, isNew } = reading.shift() as ToRead;
    readers.onImage?.();
    if (stopped()) {
      counts.cancelled = true;
      break;
    }
    const row = { ...read, path };
    seen.add(path);
    if (isNew) counts.added++;
    else counts.updated++;
    batch.push({
      path,
      ...stamps,
      record: await readers.recordOf(row, absPath),
      row: JSON.stringify(row),
      columns: columnsOf(row),
    });
    if (batch.length >= BATCH) {
      await store.write(shareId, batch);
      batch = [];
      await atWritePoint('index-batch', target.root);
    }
  }
  await store.write(shareId, batch);
  // a walk stopped short has not seen every image: none may be taken for gone
  if (counts.cancelled) return counts;
  const gone = [...known].filter(([path]) => !seen.has(path)).map(([, image]) => image.id);
  await store.forget(gone);
  counts.forgotten = gone.length;
  await store.folderDone(shareId, target.folder);
  return counts;
}
