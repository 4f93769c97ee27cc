/**
 * The IPC sender check: only the app's own top-level page may call the backend.
 *
 * Electron's security checklist, item 17: validate `event.senderFrame` of every IPC message,
 * so that a subframe or a page from elsewhere cannot reach the backend.
 */
import { isAppUrl } from './app-origin';

/** The parts of Electron's `WebFrameMain` the check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/** Whether an IPC message comes from the app's main frame on the app origin. */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return frame != null && frame.parent === null && isAppUrl(frame.url);
}
