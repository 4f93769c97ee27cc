/**
 * The folder scan: walks the open folder and streams rows as `scan-rows` events, reading only
 * what changed since the last scan when the backend has a cache folder; and its cancellation.
 */
import { randomUUID } from 'node:crypto';
import type { ApiHandlers } from '../../../shared/api';
import { listAhead, type OpenFolder } from '../folder';
import { batchRows, scanRows } from '../rows';
import { openScanCache } from '../scan-cache';
import { profileFinder, requireFolder, type BackendContext } from './backend-context';
import { toBackendError } from '../disk';
import { recoverCutShort } from './cut-short-writes';
import { notingStamps, type ScanListed, type SeenStamps } from './scan-catch-up';
import { takeReadAhead, withReadAhead } from './warm-up';

/** Longest a scan's first event waits for someone to listen (see BackendContext.listening). */
const LISTENER_WAIT_MS = 5_000;

/**
 * Starts a scan of the open folder (cancelling the one under way); returns its id at once,
 * before any of its events. With `held`, its events wait until that settles (see scan-ahead.ts).
 */
export function startScan(context: BackendContext, held: Promise<void> | null = null): string {
  const folder = requireFolder(context);
  context.cancelScan();
  const scanId = randomUUID();
  const controller = new AbortController();
  const progress = { rows: 0 };
  const scan = { id: scanId, done: () => progress.rows, stop: () => controller.abort() };
  context.scan = scan;
  // Started on a later turn so the caller holds the scanId before the first event.
  setImmediate(() => {
    void runScan(context, folder, scanId, controller.signal, progress, held).finally(() => {
      if (context.scan === scan) context.scan = null;
    });
  });
  return scanId;
}

/** Handlers of `scanFolder` and `cancelScan`; a new scan cancels the one under way. */
export function scanHandler(context: BackendContext): Pick<ApiHandlers, 'scanFolder' | 'cancelScan'> {
  return {
    async scanFolder() {
      return { scanId: startScan(context) };
    },
    async cancelScan(request) {
      const running = context.scan;
      if (running === null || (request.scanId !== undefined && request.scanId !== running.id))
        return { cancelled: false };
      context.cancelScan();
      context.emit({ type: 'scan-cancelled', scanId: running.id, done: running.done() });
      return { cancelled: true };
    },
  };
}

async function runScan(
  context: BackendContext,
  folder: OpenFolder,
  scanId: string,
  signal: AbortSignal,
  progress: { rows: number },
  held: Promise<void> | null,
): Promise<void> {
  if (signal.aborted) return;
  context.imageFolders.scanStarted(folder.root); // before any wait: a later scan's start comes after this one's
  context.collectionRows.forget();
  // the window's event stream may connect just after the call that started the scan: the
  // scan's first event, once ready, waits for it (and those after wait no more); a scan started
  // ahead of that call waits for the call first, or for its own end
  let listening: Promise<void> | null = null;
  const listened = (): Promise<void> =>
    (listening ??= Promise.race([held ?? Promise.resolve(), stopped(signal)]).then(() =>
      signal.aborted ? undefined : context.listening(LISTENER_WAIT_MS),
    ));
  const since = Date.now();
  const cache = await openScanCache(context.options.cacheDir ?? null, folder.realRoot, context.scanner.readerId());
  let finished = false;
  /** What the scan listed, once it is complete: the live folder catches up on it. */
  let listed: ScanListed | null = null;
  const images = new Map<string, SeenStamps>();
  context.live.scanUnderWay(); // the `finally` below starts the folder's sweep and watch
  try {
    // a header write cut short is finished or reverted before its image is read (for the folder
    // opened at start, before its read ahead); a file that cannot be put back now still reads
    // with its old or its new header, so the scan goes on. The walk lists the folder meanwhile:
    // listing reads no image.
    const ahead = takeReadAhead(context, folder);
    const recovered = ahead?.recovered ?? recoverCutShort(context, folder).catch(() => undefined);
    const listing = listAhead(folder.root, signal);
    const readAhead = await withReadAhead(context, ahead, cache);
    await recovered;
    const profiles = profileFinder(context, folder);
    const rows = scanRows(folder.root, listing.entries, context.scanner, {
      signal,
      cache: notingStamps(context.headers.remembering(readAhead), images),
      profiles,
    });
    for await (const batch of batchRows(rows)) {
      await listened();
      if (signal.aborted) return;
      progress.rows += batch.length;
      context.imageFolders.noteRows(folder.root, batch);
      context.emit({ type: 'scan-rows', scanId, rows: batch, done: progress.rows, total: listing.total() });
    }
    await listened();
    if (signal.aborted) return;
    // the cache is in place before the scan says it is done (a reopen right after finds it)
    finished = true;
    await cache.finish(true);
    if (signal.aborted) return;
    context.imageFolders.scanCompleted(folder.root);
    listed = { since, images };
    const unread = listing.unread();
    context.emit({ type: 'scan-done', scanId, total: progress.rows, ...(unread?.count ? { unread } : {}) });
  } catch (error) {
    await listened();
    if (!signal.aborted) context.emit({ type: 'scan-failed', scanId, error: toBackendError(error) });
  } finally {
    // a scan that another replaced leaves the start to that one, which notes what it reads
    const replaced = context.scan !== null && context.scan.id !== scanId;
    if (context.folder === folder && !replaced) context.live.start(listed);
    if (!finished) await cache.finish(false);
  }
}

/** Settles once `signal` is aborted. */
function stopped(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
