/**
 * The folder scan: walks the open folder and streams rows as `scan-rows` events, reading only
 * what changed since the last scan when the backend has a cache folder; and its cancellation.
 */
import { randomUUID } from 'node:crypto';
import type { ApiHandlers } from '../../../shared/api';
import { listAhead } from '../folder/list-ahead';
import { batchRows, scanRows } from '../rows/scan-rows';
import { openScanCache } from '../scan-cache';
import { profileFinder, requireFolder, type BackendContext } from './backend-context';
import type { OpenFolder } from './confine';
import { toBackendError } from './backend-error';

/** Handlers of `scanFolder` and `cancelScan`; a new scan cancels the one under way. */
export function scanHandler(context: BackendContext): Pick<ApiHandlers, 'scanFolder' | 'cancelScan'> {
  return {
    async scanFolder() {
      const folder = requireFolder(context);
      context.cancelScan();
      const scanId = randomUUID();
      const controller = new AbortController();
      const progress = { rows: 0 };
      const scan = { id: scanId, done: () => progress.rows, stop: () => controller.abort() };
      context.scan = scan;
      // Started on a later turn so the caller holds the scanId before the first event.
      setImmediate(() => {
        void runScan(context, folder, scanId, controller.signal, progress).finally(() => {
          if (context.scan === scan) context.scan = null;
        });
      });
      return { scanId };
    },
    async cancelScan(request) {
      const running = context.scan;
      if (running === null || (request.scanId !== undefined && request.scanId !== running.id)) return { cancelled: false };
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
): Promise<void> {
  if (signal.aborted) return;
  const cache = await openScanCache(context.options.cacheDir ?? null, folder.realRoot, context.scanner.readerId());
  let finished = false;
  try {
    const listing = listAhead(folder.root, signal);
    const profiles = profileFinder(context, folder);
    const rows = scanRows(folder.root, listing.entries, context.scanner, { signal, cache: context.headers.remembering(cache), profiles });
    for await (const batch of batchRows(rows)) {
      if (signal.aborted) return;
      progress.rows += batch.length;
      context.emit({ type: 'scan-rows', scanId, rows: batch, done: progress.rows, total: listing.total() });
    }
    if (signal.aborted) return;
    // the cache is in place before the scan says it is done (a reopen right after finds it)
    finished = true;
    await cache.finish(true);
    if (!signal.aborted) context.emit({ type: 'scan-done', scanId, total: progress.rows });
  } catch (error) {
    if (!signal.aborted) context.emit({ type: 'scan-failed', scanId, error: toBackendError(error) });
  } finally {
    if (!finished) await cache.finish(false);
  }
}
