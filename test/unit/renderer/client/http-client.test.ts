import { describe, expect, it } from 'vitest';
import { API_METHOD_NAMES, type ApiEvent } from '../../../../shared/api';
import {
  createHttpClient,
  LOST_CONNECTION,
  RECONNECT_MS,
  type HttpClientEnvironment,
} from '../../../../renderer/src/client/http-client';
import type { EventStreamHandlers } from '../../../../renderer/src/client/early-session';

interface Sent {
  url: string;
  init: RequestInit;
}

function environment(answer: (sent: Sent) => Promise<Response>, search = '?token=abc') {
  const sent: Sent[] = [];
  const streams: Array<{ url: string; handlers: EventStreamHandlers; closed: boolean }> = [];
  const timers: Array<{ callback: () => void; ms: number }> = [];
  const env: HttpClientEnvironment = {
    search,
    fetch: (url, init) => {
      sent.push({ url, init });
      return answer({ url, init });
    },
    openEventSource: (url, handlers) => {
      const stream = { url, handlers, closed: false };
      streams.push(stream);
      return () => {
        stream.closed = true;
      };
    },
    later: (callback, ms) => timers.push({ callback, ms }),
  };
  return { env, sent, streams, timers };
}

const jsonResponse = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } });

describe('createHttpClient', () => {
  it('has one function per API method plus onEvent and eventsReady', () => {
    const client = createHttpClient(environment(async () => jsonResponse({})).env);
    expect(Object.keys(client).sort()).toEqual([...API_METHOD_NAMES, 'onEvent', 'eventsReady'].sort());
  });

  it('posts the request as JSON with the token header and returns the ApiResult', async () => {
    const result = { ok: true, payload: { root: '/data/lab', name: 'lab' } };
    const { env, sent } = environment(async () => jsonResponse(result), '?token=t%2Bk');
    const client = createHttpClient(env);
    expect(await client.openFolder({ path: '/data/lab' })).toEqual(result);
    expect(sent).toEqual([
      {
        url: 'api/openFolder',
        init: {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-AcqMeta-Token': 't+k' },
          body: '{"path":"/data/lab"}',
        },
      },
    ]);
  });

  it('relies on the cookie when the page has no token', async () => {
    const { env, sent } = environment(async () => jsonResponse({ ok: true, payload: null }), '');
    await createHttpClient(env).getSession({});
    expect(sent[0]?.init.headers).toEqual({ 'Content-Type': 'application/json' });
  });

  it('turns a lost connection into an IO result', async () => {
    const client = createHttpClient(environment(async () => Promise.reject(new TypeError('Failed to fetch'))).env);
    expect(await client.getSession({})).toEqual({ ok: false, error: { code: 'IO', message: LOST_CONNECTION } });
  });

  it('turns a refusal of the server into an IO result that says what to do', async () => {
    const client = createHttpClient(environment(async () => new Response('Forbidden', { status: 403 })).env);
    const result = await client.getSession({});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toEqual({
      code: 'IO',
      message: 'The AcqMeta server refused the request: open the link it printed, token included',
    });
  });

  it('passes error results of the server through unchanged', async () => {
    const failure = { ok: false, error: { code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' } };
    const client = createHttpClient(environment(async () => jsonResponse(failure, 400)).env);
    expect(await client.scanFolder({})).toEqual(failure);
  });
});

describe('onEvent', () => {
  const event: ApiEvent = { type: 'scan-done', scanId: 's1', total: 2 };

  it('shares one stream between listeners and closes it with the last one', () => {
    const { env, streams } = environment(async () => jsonResponse({}));
    const client = createHttpClient(env);
    const a: ApiEvent[] = [];
    const b: ApiEvent[] = [];
    const offA = client.onEvent((e) => a.push(e));
    const offB = client.onEvent((e) => b.push(e));
    expect(streams.map((s) => s.url)).toEqual(['api/events?token=abc']);
    streams[0]?.handlers.message(JSON.stringify(event));
    expect(a).toEqual([event]);
    expect(b).toEqual([event]);
    offA();
    expect(streams[0]?.closed).toBe(false);
    offB();
    expect(streams[0]?.closed).toBe(true);
  });

  it('reopens a stream the browser gave up on', () => {
    const { env, streams, timers } = environment(async () => jsonResponse({}));
    const client = createHttpClient(env);
    const got: ApiEvent[] = [];
    client.onEvent((e) => got.push(e));
    streams[0]?.handlers.closed();
    expect(timers.map((t) => t.ms)).toEqual([RECONNECT_MS]);
    timers[0]?.callback();
    expect(streams).toHaveLength(2);
    streams[1]?.handlers.message(JSON.stringify(event));
    expect(got).toEqual([event]);
  });

  it('does not reopen once every listener has left', () => {
    const { env, streams, timers } = environment(async () => jsonResponse({}));
    const off = createHttpClient(env).onEvent(() => undefined);
    streams[0]?.handlers.closed();
    off();
    timers[0]?.callback();
    expect(streams).toHaveLength(1);
  });

  it('is ready for events once the stream has connected, at once when nobody listens, or after the wait', async () => {
    const { env, streams, timers } = environment(async () => jsonResponse({}));
    const client = createHttpClient(env);
    await client.eventsReady?.(1000); // nobody listens: nothing to wait for
    client.onEvent(() => undefined);
    let ready = false;
    const waiting = client.eventsReady?.(1000).then(() => (ready = true));
    await Promise.resolve();
    expect(ready).toBe(false);
    streams[0]?.handlers.opened();
    await waiting;
    expect(ready).toBe(true);
    let again = false;
    void client.eventsReady?.(1000).then(() => (again = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(again).toBe(true); // connected: no wait at all
    streams[0]?.handlers.closed();
    let late = false;
    const timedOut = client.eventsReady?.(1000).then(() => (late = true));
    await Promise.resolve();
    expect(late).toBe(false);
    timers
      .filter((t) => t.ms === 1000)
      .at(-1)
      ?.callback();
    await timedOut;
    expect(late).toBe(true);
  });
});
