/**
 * Raw HTTP requests for the server tests: any Host header, any path, no URL normalisation.
 */
import { request as httpRequest } from 'node:http';

/** A request as the tests send it. */
export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** A response as the tests read it. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends one request to 127.0.0.1:`port` and reads the whole answer. */
export function send(port: number, raw: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: raw.method ?? 'GET',
        path: raw.path,
        headers: { host: `127.0.0.1:${port}`, ...raw.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(raw.body);
  });
}

/** An open event stream: events arrive in order through `next()`. */
export interface EventStreamReader {
  /** Resolves with the next `data:` payload (parsed), waiting if none has arrived yet. */
  next(): Promise<unknown>;
  close(): void;
}

/** Opens an event stream; resolves once the server has answered with its headers. */
export function openEventStream(port: number, path: string): Promise<EventStreamReader> {
  return new Promise((resolve, reject) => {
    const queued: unknown[] = [];
    const waiting: Array<(event: unknown) => void> = [];
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}` } }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (data === undefined) continue;
          const event: unknown = JSON.parse(data);
          const waiter = waiting.shift();
          if (waiter) waiter(event);
          else queued.push(event);
        }
      });
      resolve({
        next: () =>
          queued.length > 0 ? Promise.resolve(queued.shift()) : new Promise((resolveNext) => waiting.push(resolveNext)),
        close: () => req.destroy(),
      });
    });
    req.on('error', (error) => {
      if (!req.destroyed) reject(error);
    });
    req.end();
  });
}
