/**
 * `GET /...`: the built renderer's files, confined to its folder, never a directory listing.
 *
 * They are read once, when the server starts, and sent from memory: the page's own files never
 * wait behind the disk work of a folder being read ahead or scanned (a few hundred KB in all).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { contentTypeFor, resolveRendererFile } from '../main/security/renderer-files';

/** The renderer's files as the server started with them, by absolute path. */
export type RendererFiles = ReadonlyMap<string, Buffer>;

/** Most files read from the renderer's folder: a build has a handful; anything more is not one. */
const MAX_RENDERER_FILES = 1_000;

/** Reads every file under `rendererDir` (subfolders included, links not followed). */
export function loadRendererFiles(rendererDir: string): RendererFiles {
  const files = new Map<string, Buffer>();
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.isFile() && files.size < MAX_RENDERER_FILES) files.set(file, readFileSync(file));
    }
  };
  visit(path.resolve(rendererDir));
  return files;
}

/** Sends the renderer file for `pathname`, or a 404 when there is none. */
export function serveStatic(rendererDir: string, files: RendererFiles, pathname: string, res: ServerResponse): void {
  const file = resolveRendererFile(rendererDir, pathname);
  const body = file === null ? undefined : files.get(file);
  if (file === null || body === undefined) {
    sendText(res, 404, 'Not found.');
    return;
  }
  res.writeHead(200, {
    'Content-Type': contentTypeFor(file),
    'Content-Length': body.length,
    'Cache-Control': 'no-cache',
  });
  res.end(body);
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
