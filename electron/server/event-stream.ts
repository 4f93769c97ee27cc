/**
 * `GET /api/events`: backend events as a Server-Sent Events stream.
 *
 * Each event is one `data:` line of JSON, a scan's rows packed (shared/wire-rows.ts). A comment line every 15 s keeps proxies and idle
 * timers from closing the stream; the subscription ends when the browser disconnects.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toWireEvent } from '../../shared/wire-rows';
import type { BackendPort } from '../services/backend';

/** How often a keep-alive comment is sent. */
const KEEPALIVE_MS = 15_000;

/** How long the browser waits before reconnecting a dropped stream. */
const RETRY_MS = 2_000;

/** Streams events to one browser until it disconnects. */
export function handleEventStream(backend: BackendPort, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  res.write(`retry: ${RETRY_MS}\n\n`);
  const unsubscribe = backend.onEvent((event) => {
    res.write(`data: ${JSON.stringify(toWireEvent(event))}\n\n`);
  });
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  const stop = () => {
    clearInterval(keepalive);
    unsubscribe();
  };
  req.on('close', stop);
  res.on('close', stop);
}
