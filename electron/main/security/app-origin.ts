/**
 * Where the app's own pages live: the `app://acqmeta/` origin served from dist/renderer.
 *
 * Node's WHATWG `URL` reports the origin of a non-special scheme as `"null"`, so app URLs are
 * recognised by scheme and host instead of `url.origin`.
 */

/** The custom scheme the renderer is served from. */
export const APP_SCHEME = 'app';

/** The one host of that scheme. */
export const APP_HOST = 'acqmeta';

/** The app's origin as Chromium serialises it. */
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The page the window loads. */
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Parses a URL, or returns null when it is not one. */
export function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** Whether `raw` is a URL of the app itself (`app://acqmeta/...`, no credentials, no port). */
export function isAppUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}
