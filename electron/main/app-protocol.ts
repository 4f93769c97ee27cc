/**
 * The `app://acqmeta/` protocol: serves dist/renderer with the CSP header, nothing else.
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_HOST, APP_SCHEME } from './security/app-origin';
import { CONTENT_SECURITY_POLICY_HEADER } from './security/content-security-policy';
import { contentTypeFor, resolveRendererFile } from './security/renderer-files';

/** Declares the scheme as standard and secure; must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the renderer's files from `rendererDir` on the app scheme. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveRendererFile(rendererDir, url.pathname) : null;
    const body = file === null ? null : await readFile(file).catch(() => null);
    if (file === null || body === null) return new Response('Not found.', { status: 404 });
    return new Response(body, {
      headers: {
        'Content-Type': contentTypeFor(file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
