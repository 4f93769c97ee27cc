/**
 * The browser-mode HTTP server: the renderer's files, the API and the event stream, on
 * 127.0.0.1 only, for requests that pass the {@link checkRequest} guard.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY_HEADER } from '../main/security/content-security-policy';
import { handleApiCall } from './api-route';
import type { BackendPort } from '../services/backend';
import { handleEventStream } from './event-stream';
import { checkRequest, tokenCookieName } from './request-guard';
import { loadRendererFiles, sendText, serveStatic, type RendererFiles } from './static-route';

/** The only interface the server listens on. */
const LISTEN_HOST = '127.0.0.1';

/** What the server needs. */
export interface ServerOptions {
  backend: BackendPort;
  /** The built renderer (dist/renderer): read once, when the server starts. */
  rendererDir: string;
  /** The secret every request must carry. */
  token: string;
  /** 0 picks a free port. */
  port: number;
}

/** A running server. */
export interface RunningServer {
  port: number;
  /** The URL to open, token included. */
  url: string;
  /** Stops listening and ends open connections, event streams included. */
  close(): Promise<void>;
}

/** Headers on every answer. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Starts the server; rejects with the listen error (e.g. `EADDRINUSE`) when it cannot. */
export function startServer(options: ServerOptions): Promise<RunningServer> {
  const server = createServer();
  const files = loadRendererFiles(options.rendererDir);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LISTEN_HOST, () => {
      server.off('error', reject);
      const port = (server.address() as AddressInfo).port;
      server.on('request', (req: IncomingMessage, res: ServerResponse) => {
        route(options, files, port, req, res).catch(() => {
          if (!res.headersSent) sendText(res, 500, 'Internal error.');
          else res.destroy();
        });
      });
      resolve({
        port,
        url: `http://${LISTEN_HOST}:${port}/?token=${options.token}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** Guards one request, then hands it to its route. */
async function route(
  options: ServerOptions,
  files: RendererFiles,
  port: number,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  const url = new URL(req.url ?? '/', `http://${LISTEN_HOST}:${port}`);
  const verdict = checkRequest(
    {
      host: req.headers.host,
      origin: req.headers.origin,
      headerToken: header(req, 'x-acqmeta-token'),
      queryToken: url.searchParams.get('token'),
      cookie: req.headers.cookie,
    },
    { port, token: options.token },
  );
  if (!verdict.ok) {
    req.resume();
    sendText(res, 403, verdict.reason);
    return;
  }
  if (verdict.tokenFromQuery) {
    res.setHeader('Set-Cookie', `${tokenCookieName(port)}=${options.token}; Path=/; HttpOnly; SameSite=Strict`);
  }
  const api = /^\/api\/([A-Za-z]+)$/.exec(url.pathname);
  if (api?.[1] === 'events') {
    if (req.method !== 'GET') return refuseMethod(req, res, 'GET');
    handleEventStream(options.backend, req, res);
  } else if (api) {
    if (req.method !== 'POST') return refuseMethod(req, res, 'POST');
    await handleApiCall(options.backend, api[1] ?? '', req, res);
  } else if (url.pathname.startsWith('/api/')) {
    req.resume();
    sendText(res, 404, 'Not found.');
  } else {
    if (req.method !== 'GET') return refuseMethod(req, res, 'GET');
    // the app's page: its script asks for the session first, whose scan can start now
    if (url.pathname === '/' || url.pathname === '/index.html') options.backend.windowLoading?.();
    serveStatic(options.rendererDir, files, url.pathname, res);
  }
}

function refuseMethod(req: IncomingMessage, res: ServerResponse, allowed: string): void {
  req.resume();
  res.setHeader('Allow', allowed);
  sendText(res, 405, 'Method not allowed.');
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
