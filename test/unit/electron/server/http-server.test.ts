import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEvent, ApiResult } from '../../../../shared/api';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../../../electron/main/security/content-security-policy';
import type { BackendPort } from '../../../../electron/services/backend';
import { MAX_BODY_BYTES } from '../../../../electron/server/api-route';
import { startServer, type RunningServer } from '../../../../electron/server/http-server';
import { openEventStream, send } from './raw-http';

const TOKEN = 'test-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const INDEX = '<!doctype html><title>AcqMeta</title>';

/** A backend that echoes calls and lets the test emit events. */
function fakeBackend() {
  const listeners = new Set<(event: ApiEvent) => void>();
  const calls: Array<{ method: string; request: unknown }> = [];
  const loading = { windows: 0 };
  const backend: BackendPort = {
    windowLoading() {
      loading.windows += 1;
    },
    async call(method, request): Promise<ApiResult<unknown>> {
      calls.push({ method, request });
      if (method === 'explode') throw new Error('boom');
      return { ok: true, payload: { echo: method, request } };
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { backend, calls, loading, listeners, emit: (event: ApiEvent) => listeners.forEach((l) => l(event)) };
}

let dir: string;
let server: RunningServer;
const fake = fakeBackend();
const withToken = { 'X-AcqMeta-Token': TOKEN };
const json = { 'Content-Type': 'application/json', ...withToken };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-server-'));
  const rendererDir = path.join(dir, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), INDEX);
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer');
  server = await startServer({ backend: fake.backend, rendererDir, token: TOKEN, port: 0 });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the token', () => {
  it('is required: a request without it is refused with 403', async () => {
    const page = await send(server.port, { path: '/' });
    expect(page.status).toBe(403);
    expect(page.body).toContain('token');
    const api = await send(server.port, {
      method: 'POST',
      path: '/api/getSession',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(api.status).toBe(403);
    expect(fake.calls).toEqual([]);
  });

  it('must be the right one', async () => {
    expect((await send(server.port, { path: '/?token=wrong' })).status).toBe(403);
    expect((await send(server.port, { path: '/', headers: { 'X-AcqMeta-Token': 'wrong' } })).status).toBe(403);
  });

  it('opens the page from the printed URL and sets an HttpOnly, SameSite=Strict cookie that then suffices', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${TOKEN}`);
    const page = await send(server.port, { path: `/?token=${TOKEN}` });
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toContain(`acqmeta_token_${server.port}=${TOKEN}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const asset = await send(server.port, { path: '/assets/app.js', headers: { Cookie: cookie.split(';')[0] ?? '' } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });
});

describe('the Host and Origin checks', () => {
  it('refuses a foreign Host even with the token (DNS rebinding)', async () => {
    const res = await send(server.port, { path: `/?token=${TOKEN}`, headers: { host: `evil.example:${server.port}` } });
    expect(res.status).toBe(403);
    expect(res.body).toBe('Forbidden: unknown Host.');
  });

  it('accepts localhost:<port> as the Host', async () => {
    expect(
      (await send(server.port, { path: '/', headers: { host: `localhost:${server.port}`, ...withToken } })).status,
    ).toBe(200);
  });

  it('refuses a foreign Origin even with the token', async () => {
    const res = await send(server.port, {
      method: 'POST',
      path: '/api/getSession',
      headers: { ...json, Origin: 'https://evil.example' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect(res.body).toBe('Forbidden: cross-origin request.');
  });
});

describe('the API', () => {
  it('passes the JSON request to the backend and answers its ApiResult', async () => {
    const res = await send(server.port, {
      method: 'POST',
      path: '/api/getImageDetail',
      headers: { ...json, Origin: `http://127.0.0.1:${server.port}` },
      body: JSON.stringify({ path: 'cells/a.tif' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(res.body)).toEqual({
      ok: true,
      payload: { echo: 'getImageDetail', request: { path: 'cells/a.tif' } },
    });
  });

  it('answers bad JSON, a wrong content type and an oversized body with BAD_REQUEST results', async () => {
    const before = fake.calls.length;
    const badJson = await send(server.port, {
      method: 'POST',
      path: '/api/getSession',
      headers: json,
      body: '{"path": ',
    });
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body)).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' },
    });
    const form = await send(server.port, {
      method: 'POST',
      path: '/api/getSession',
      headers: { ...withToken, 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
    expect(JSON.parse(form.body).error.code).toBe('BAD_REQUEST');
    const huge = await send(server.port, {
      method: 'POST',
      path: '/api/saveSidecars',
      headers: json,
      body: `"${'x'.repeat(MAX_BODY_BYTES)}"`,
    });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body).error.code).toBe('BAD_REQUEST');
    expect(fake.calls.length).toBe(before);
  });

  it('turns a backend that throws into an INTERNAL result', async () => {
    const res = await send(server.port, { method: 'POST', path: '/api/explode', headers: json, body: '{}' });
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'boom' } });
  });

  it('refuses GET on a method and POST on a file', async () => {
    expect((await send(server.port, { path: '/api/getSession', headers: withToken })).status).toBe(405);
    expect((await send(server.port, { method: 'POST', path: '/index.html', headers: json, body: '{}' })).status).toBe(
      405,
    );
  });
});

describe('static files', () => {
  it("tell the backend a window is loading when the app's page is served, not its other files or a refusal", async () => {
    const before = fake.loading.windows;
    expect((await send(server.port, { path: '/assets/app.js', headers: withToken })).status).toBe(200);
    expect((await send(server.port, { path: '/' })).status).toBe(403);
    expect(fake.loading.windows).toBe(before);
    expect((await send(server.port, { path: `/?token=${TOKEN}` })).status).toBe(200);
    expect((await send(server.port, { path: '/index.html', headers: withToken })).status).toBe(200);
    expect(fake.loading.windows).toBe(before + 2);
  });

  it('are sent with the CSP and nosniff headers', async () => {
    const res = await send(server.port, { path: '/index.html', headers: withToken });
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('are read when the server starts: the page is served even once its folder is gone', async () => {
    const rendererDir = path.join(dir, 'renderer-gone');
    mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), INDEX);
    writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(2)');
    const started = await startServer({ backend: fake.backend, rendererDir, token: TOKEN, port: 0 });
    try {
      rmSync(rendererDir, { recursive: true });
      const page = await send(started.port, { path: '/', headers: withToken });
      const script = await send(started.port, { path: '/assets/app.js', headers: withToken });
      expect([page.status, page.body, page.headers['content-type']]).toEqual([200, INDEX, 'text/html; charset=utf-8']);
      expect([script.status, script.body, script.headers['content-length']]).toEqual([200, 'console.log(2)', '14']);
    } finally {
      await started.close();
    }
  });

  it.each([
    '/../secret.txt',
    '/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets/',
    '/assets',
    '/missing.js',
  ])('refuse %s', async (pathname) => {
    const res = await send(server.port, { path: pathname, headers: withToken });
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('outside the renderer');
  });
});

describe('the event stream', () => {
  it('delivers backend events and unsubscribes when the browser disconnects', async () => {
    const stream = await openEventStream(server.port, `/api/events?token=${TOKEN}`);
    const events: ApiEvent[] = [
      { type: 'scan-done', scanId: 's1', total: 3 },
      { type: 'scan-failed', scanId: 's2', error: { code: 'IO', message: 'The disk said no.' } },
    ];
    await expect.poll(() => fake.listeners.size).toBe(1);
    events.forEach(fake.emit);
    expect([await stream.next(), await stream.next()]).toEqual(events);
    stream.close();
    await expect.poll(() => fake.listeners.size).toBe(0);
  });

  it('needs the token too', async () => {
    expect((await send(server.port, { path: '/api/events' })).status).toBe(403);
  });
});
