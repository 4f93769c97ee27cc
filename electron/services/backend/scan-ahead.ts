/**
 * The scan of a window that is loading. Browser mode's server knows the folder a window will
 * open as soon as it serves the app's page, while the page's script still has to load and ask
 * for `getSession`; so the scan starts then, its events held until that call takes it over.
 * A scan nobody takes within a while is dropped (a later `getSession` starts its own), and a
 * scan under way for another window is left alone.
 */
import { realTimer } from './live-folder';
import type { BackendContext } from './backend-context';
import { startScan } from './scan-handler';

/** How long a scan started ahead waits for a window to take it over before it is dropped. */
const TAKE_WITHIN_MS = 10_000;

/** Starts the open folder's scan for a window that is loading, unless none is open or a scan is under way. */
export function startScanAhead(context: BackendContext): void {
  if (context.folder === null || context.scan !== null) return;
  let take = (): void => undefined;
  const held = new Promise<void>((resolve) => (take = resolve));
  const id = startScan(context, held);
  const later = context.options.listenerTimer ?? realTimer;
  const drop = () => {
    if (context.scanAhead?.id !== id) return;
    context.scanAhead = null;
    if (context.scan?.id === id) context.cancelScan();
  };
  context.scanAhead = { id, take, cancel: later(drop, TAKE_WITHIN_MS) };
}

/** The id of the scan started ahead, which from now on sends its events; null when there is none under way. */
export function takeScanAhead(context: BackendContext): string | null {
  const ahead = context.scanAhead;
  context.scanAhead = null;
  if (ahead === null) return null;
  ahead.cancel();
  if (context.scan?.id !== ahead.id) return null;
  ahead.take();
  return ahead.id;
}
