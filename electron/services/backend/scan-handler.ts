/**
 * The folder scan: walks the open folder and streams rows as `scan-rows` events.
 */
import { randomUUID } from 'node:crypto';
import type { ApiHandlers } from '../../../shared/api';
import { listImages, type ImageEntry } from '../folder/list-images';
import { batchRows, scanRows } from '../rows/scan-rows';
import { profileFinder, requireFolder, type BackendContext } from './backend-context';
import type { OpenFolder } from './confine';
import { toBackendError } from './backend-error';

/** A running scan; after `stop` it emits nothing more. */
export interface ScanControl {
  stop(): void;
}

/** Handler of `scanFolder`; `start` registers the running scan so the next one cancels it. */
export function scanHandler(
  context: BackendContext,
  start: (control: ScanControl) => void,
): Pick<ApiHandlers, 'scanFolder'> {
  return {
    async scanFolder() {
      const folder = requireFolder(context);
      context.cancelScan();
      const scanId = randomUUID();
      const controller = new AbortController();
      // Started on a later turn so the caller holds the scanId before the first event.
      setImmediate(() => void runScan(context, folder, scanId, controller.signal));
      start({ stop: () => controller.abort() });
      return { scanId };
    },
  };
}

async function runScan(context: BackendContext, folder: OpenFolder, scanId: string, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  try {
    const entries: ImageEntry[] = [];
    for await (const entry of listImages(folder.root)) {
      if (signal.aborted) return;
      entries.push(entry);
    }
    const total = entries.length;
    let done = 0;
    const profiles = profileFinder(context, folder);
    for await (const rows of batchRows(scanRows(folder.root, entries, context.scanner, { signal, profiles }))) {
      if (signal.aborted) return;
      done += rows.length;
      context.emit({ type: 'scan-rows', scanId, rows, done, total });
    }
    if (!signal.aborted) context.emit({ type: 'scan-done', scanId, total });
  } catch (error) {
    if (!signal.aborted) context.emit({ type: 'scan-failed', scanId, error: toBackendError(error) });
  }
}
