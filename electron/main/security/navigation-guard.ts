/**
 * Decisions for navigation and new windows, kept free of Electron so they can be unit-tested.
 *
 * The window only ever shows the app's own pages: every navigation elsewhere is refused, no
 * window is ever opened, and only plain `https:` links are handed to the system browser.
 * See Electron's security checklist, items 13 and 14.
 */
import { isAppUrl, parseUrl } from './app-origin';

/** Whether the main window may navigate to `url` (only within the app). */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/** What to do with a `window.open` or `target="_blank"` link: never a window; maybe the browser. */
export interface WindowOpenDecision {
  action: 'deny';
  /** An `https:` URL to open in the system browser, or null to drop the request. */
  openExternally: string | null;
}

/** Decides a window-open request: always denied; `https:` links go to the system browser. */
export function decideWindowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: externalHttpsUrl(url) };
}

/** The normalised URL when `raw` is an `https:` URL without credentials, else null. */
export function externalHttpsUrl(raw: string): string | null {
  const url = parseUrl(raw);
  if (url === null || url.protocol !== 'https:' || url.hostname === '') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}
