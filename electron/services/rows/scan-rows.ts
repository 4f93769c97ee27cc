/**
 * Turns a stream of images into a stream of rows, many files in flight, order kept.
 */
import type { ImageRow } from '../../../shared/api';
import type { ImageEntry } from '../folder/list-images';
import { NO_SCAN_CACHE, type ScanCache } from '../scan-cache';
import type { TiffScanner } from '../tiff';
import { buildCachedRow } from './cached-row';
import { mapInOrder } from './map-in-order';

/** How a scan runs. */
export interface ScanRowsOptions {
  /** Files read at once (the scanner's pool queues what it cannot start yet). Default 256. */
  inFlight?: number;
  /** Stops the scan: no further rows are yielded. */
  signal?: AbortSignal;
  /** What the last scan read (see scan-cache); without it every file is read. */
  cache?: ScanCache;
}

/**
 * Builds the row of every entry, in the entries' order.
 *
 * Up to `inFlight` files are read concurrently so the scanner's workers never wait for the
 * walk or for the consumer; a slow file only holds back the rows after it. With a cache, only
 * what changed since the last scan is read.
 */
export function scanRows(
  root: string,
  entries: AsyncIterable<ImageEntry> | Iterable<ImageEntry>,
  scanner: TiffScanner,
  options: ScanRowsOptions = {},
): AsyncGenerator<ImageRow> {
  const cache = options.cache ?? NO_SCAN_CACHE;
  const build = (entry: ImageEntry): Promise<ImageRow> => buildCachedRow(root, entry, scanner, cache);
  return mapInOrder(entries, options.inFlight ?? 256, build, options.signal);
}

/** Groups rows into batches of at most `maxRows`, cut early once `maxDelayMs` has passed. */
export async function* batchRows(
  rows: AsyncIterable<ImageRow>,
  maxRows = 200,
  maxDelayMs = 100,
): AsyncGenerator<ImageRow[]> {
  let batch: ImageRow[] = [];
  let started = Date.now();
  for await (const row of rows) {
    if (batch.length === 0) started = Date.now();
    batch.push(row);
    if (batch.length >= maxRows || Date.now() - started >= maxDelayMs) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
