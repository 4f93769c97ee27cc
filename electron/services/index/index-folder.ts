/**
 * Indexes one folder: its images walked, each image's file facts (size, modification time,
 * inode: the scan cache's rules) compared with those the index holds, only the new and changed
 * ones read, written in batches of one transaction each, and the images gone forgotten once
 * the walk is complete. A run that is killed leaves whole batches; the next one finishes it.
 */
import { stat } from 'node:fs/promises';
import type { ImageRow } from '../../../shared/api';
import { atWritePoint, sameStamp, stampOf, type FileStamp } from '../disk';
import type { ImageEntry } from '../folder';
import type { ProfileFinder } from '../profile';
import { mapInOrder, scanRows } from '../rows';
import { sidecarPathFor } from '../sidecar';
import type { TiffScanner } from '../tiff';
import { columnsOf } from './image-columns';
import type { ImageWrite, IndexStore, KnownImage } from './index-store';

/** Images written per transaction: a killed run loses at most one batch of work. */
const BATCH = 500;

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

/** An image's file facts now; null when it is gone since the walk listed it. */
async function stampsOf(entry: ImageEntry): Promise<{ image: FileStamp; sidecar: FileStamp | null } | null> {
  const image = await stat(entry.absPath).catch(() => null);
  if (image === null) return null;
  // the walk's listing says whether there is a sidecar: what the row will be read with
  const sidecar = entry.sidecar === 'none' ? null : await stat(sidecarPathFor(entry.absPath)).catch(() => null);
  return { image: stampOf(image), sidecar: sidecar === null ? null : stampOf(sidecar) };
}

function unchanged(known: KnownImage | undefined, now: { image: FileStamp; sidecar: FileStamp | null }): boolean {
  return known !== undefined && sameStamp(known.image, now.image) && sameStamp(known.sidecar, now.sidecar);
}

/** Reads the row of one image (the stamps are taken before, so a change while it is read is seen next time). */
async function readRow(root: string, entry: ImageEntry, readers: IndexReaders): Promise<ImageRow> {
  for await (const row of scanRows(root, [entry], readers.scanner, { profiles: readers.profiles })) return row;
  throw new Error(`${entry.relPath}: no row was read`);
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
  const seen = new Set<string>();
  let batch: ImageWrite[] = [];
  const results = mapInOrder(target.entries, { first: 64, most: 256 }, async (entry) => {
    const path = sharePath(entry.relPath);
    const stamps = await stampsOf(entry);
    if (stamps === null) return null;
    const before = known.get(path);
    if (unchanged(before, stamps)) return { path, write: null, isNew: false };
    const row = { ...(await readRow(target.root, entry, readers)), path };
    const write: ImageWrite = {
      path,
      ...stamps,
      record: await readers.recordOf(row, entry.absPath),
      row: JSON.stringify(row),
      columns: columnsOf(row),
    };
    return { path, write, isNew: before === undefined };
  });
  for await (const result of results) {
    readers.onImage?.();
    if (readers.signal?.aborted === true) {
      counts.cancelled = true;
      break;
    }
    if (result === null) continue;
    seen.add(result.path);
    if (result.write === null) {
      counts.unchanged++;
      continue;
    }
    if (result.isNew) counts.added++;
    else counts.updated++;
    batch.push(result.write);
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
