/**
 * `GET /...`: the built renderer's files, confined to its folder, never a directory listing.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { contentTypeFor, resolveRendererFile } from '../main/security/renderer-files';

/** Sends the renderer file for `pathname`, or a 404 when there is none. */
export async function serveStatic(rendererDir: string, pathname: string, res: ServerResponse): Promise<void> {
  const file = resolveRendererFile(rendererDir, pathname);
  const info = file === null ? null : await stat(file).catch(() => null);
  if (file === null || info === null || !info.isFile()) {
    sendText(res, 404, 'Not found.');
    return;
  }
  res.writeHead(200, {
    'Content-Type': contentTypeFor(file),
    'Content-Length': info.size,
    'Cache-Control': 'no-cache',
  });
  createReadStream(file).pipe(res);
}

/** A short plain-text answer (errors and refusals). */
export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
