/**
 * `POST /api/<method>`: a JSON request body in, a JSON `ApiResult` out.
 *
 * Every answer of this route is an `ApiResult`, so the client has one shape to read: a body
 * that is too large, not JSON or not `application/json` becomes a `BAD_REQUEST` result.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiResult } from '../../shared/api';
import { toApiError } from '../../shared/errors';
import { MAX_TABLE_BASE64, type BackendPort } from '../services/backend';

/** The largest request body accepted: a table file to import (base64) with room to spare. */
export const MAX_BODY_BYTES = MAX_TABLE_BASE64 + 1024 * 1024;

/** Answers one API call. */
export async function handleApiCall(
  backend: BackendPort,
  method: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    sendResult(res, 415, badRequest('API requests must be sent as application/json.'));
    req.resume();
    return;
  }
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === null) {
    sendResult(res, 413, badRequest(`The request is larger than ${MAX_BODY_BYTES} bytes.`));
    return;
  }
  let request: unknown;
  try {
    request = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    sendResult(res, 400, badRequest('The request body is not valid JSON.'));
    return;
  }
  let result: ApiResult<unknown>;
  try {
    result = await backend.call(method, request);
  } catch (error) {
    result = { ok: false, error: toApiError(error) };
  }
  sendResult(res, 200, result);
}

/** Reads the whole body, or resolves null (and stops reading) once it passes `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function badRequest(message: string): ApiResult<never> {
  return { ok: false, error: { code: 'BAD_REQUEST', message } };
}

function sendResult(res: ServerResponse, status: number, result: ApiResult<unknown>): void {
  const body = JSON.stringify(result);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}
