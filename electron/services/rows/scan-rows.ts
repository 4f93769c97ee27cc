/**
 * Turns a stream of images into a stream of rows, many files in flight, order kept.
 */
import type { ImageRow } from '../../../shared/api';
import type { ImageEntry } from '../folder';
import { NO_SCAN_CACHE, type ScanCache } from '../scan-cache';
import type { ProfileFinder } from '../profile';
import type { TiffScanner } from '../tiff';
import { buildCachedRow } from './cached-row';
import { mapInOrder, type InFlight } from './map-in-order';

/** How a scan runs. */
export interface ScanRowsOptions {
  /**
   * Files read at once (the scanner's pool queues what it cannot start yet). Default: 64 at first,
   * so the first rows' files start at once without queueing behind hundreds of others, then one
   * more per row up to 256, so the workers never wait for the walk or for the consumer.
   */
  inFlight?: number | InFlight;
  /** Stops the scan: no further rows are yielded. */
  signal?: AbortSignal;
  /** What the last scan read (see scan-cache); without it every file is read. */
  cache?: ScanCache;
  /** Finds the lab profile in force for each image; rows carry its problems. */
  profiles?: ProfileFinder;
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
  const build = (entry: ImageEntry): Promise<ImageRow> => buildCachedRow(root, entry, scanner, cache, options.profiles);
  return mapInOrder(entries, options.inFlight ?? { first: 64, most: 256 }, build, options.signal);
}

/** How rows are grouped into events. */
export interface BatchOptions {
  /** Rows in the first batch (small, so the first rows show at once). */
  firstRows: number;
  /** Most rows in a later batch (each is one event the page parses in one go). */
  maxRows: number;
  /** A batch is cut once this long has passed since its first row. */
  maxDelayMs: number;
}

/** Rows in a scan's first event: about a window's worth. */
export const FIRST_BATCH_ROWS = 32;

/** Sized for the page: the first rows at once, then batches it takes a few milliseconds to parse. */
const UI_BATCHES: BatchOptions = { firstRows: FIRST_BATCH_ROWS, maxRows: 1000, maxDelayMs: 100 };

/**
 * Groups rows into batches: the first of `firstRows`, each later one twice as large up to
 * `maxRows`, cut `maxDelayMs` after its first row even when no further row comes (a walk held
 * up by a slow share must not hold back the rows already read).
 */
export async function* batchRows(
  rows: AsyncIterable<ImageRow>,
  options: BatchOptions = UI_BATCHES,
): AsyncGenerator<ImageRow[]> {
  const iterator = rows[Symbol.asyncIterator]();
  let limit = options.firstRows;
  let batch: ImageRow[] = [];
  let deadline: BatchDeadline | null = null;
  let next: Promise<IteratorResult<ImageRow>> | null = null;
  let finished = false;
  try {
    for (;;) {
      next ??= iterator.next();
      const result = deadline === null ? await next : await Promise.race([next, deadline.reached]);
      if (result !== DEADLINE) {
        next = null;
        if (result.done === true) {
          finished = true;
          break;
        }
        batch.push(result.value);
        deadline ??= batchDeadline(options.maxDelayMs);
        if (batch.length < limit && !deadline.passed()) continue;
      }
      deadline?.cancel();
      deadline = null;
      yield batch;
      batch = [];
      limit = Math.min(options.maxRows, limit * 2);
    }
  } finally {
    deadline?.cancel();
    if (!finished) void iterator.return?.();
  }
  if (batch.length > 0) yield batch;
}

const DEADLINE = Symbol('deadline');

/** When a batch is due: one timer per batch, not per row. */
interface BatchDeadline {
  reached: Promise<typeof DEADLINE>;
  passed(): boolean;
  cancel(): void;
}

function batchDeadline(ms: number): BatchDeadline {
  let passed = false;
  let timer: NodeJS.Timeout | undefined;
  const reached = new Promise<typeof DEADLINE>((resolve) => {
    timer = setTimeout(() => {
      passed = true;
      resolve(DEADLINE);
    }, ms);
  });
  return { reached, passed: () => passed, cancel: () => clearTimeout(timer) };
}
