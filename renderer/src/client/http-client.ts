/**
 * The API client of browser mode: `POST api/<method>` for calls, `EventSource` for events.
 *
 * The token comes from the page's `?token=` (kept in the address bar) and is sent as the
 * `X-AcqMeta-Token` header; the server's cookie covers a page loaded without it. Transport
 * failures become `IO` results, so callers only ever handle `ApiResult`s.
 */
import { API_METHOD_NAMES, type ApiCalls, type ApiClient, type ApiEvent, type ApiResult } from '../../../shared/api';
import { createWaitList } from '../../../shared/wait-list';
import { fromWireEvent, type WireEvent } from '../../../shared/wire-rows';
import {
  callHeaders,
  eventsUrl,
  listenTo,
  pageToken,
  takeEarlyAnswer,
  takeEarlyStream,
  type EventStreamHandlers,
} from './early-session';

/** The message of every result that failed for want of a server. */
export const LOST_CONNECTION = 'Lost connection to the AcqMeta server';

/** What the client needs from the page; tests pass fakes. */
export interface HttpClientEnvironment {
  /** The page's query string, e.g. `?token=...`. */
  search: string;
  fetch(url: string, init: RequestInit): Promise<Response>;
  /** Opens an event stream; returns its `close`. */
  openEventSource(url: string, handlers: EventStreamHandlers): () => void;
  /** Schedules a reconnect of a closed event stream. */
  later(callback: () => void, ms: number): void;
}

/** How long to wait before reopening a closed event stream. */
export const RECONNECT_MS = 2_000;

/** The page's real environment; the stream and the answer the early script asked for are taken over (early-session.ts). */
function browserEnvironment(): HttpClientEnvironment {
  return {
    search: window.location.search,
    fetch: (url, init) => takeEarlyAnswer(url, init.body) ?? window.fetch(url, init),
    openEventSource: (url, handlers) => {
      let stream = takeEarlyStream(url, handlers);
      if (stream === null) {
        stream = new EventSource(url);
        listenTo(stream, handlers);
      }
      return () => stream.close();
    },
    later: (callback, ms) => void window.setTimeout(callback, ms),
  };
}

/** Creates the HTTP client. */
export function createHttpClient(env: HttpClientEnvironment = browserEnvironment()): ApiClient {
  const token = pageToken(env.search);
  const headers = callHeaders(token);

  const call = async (method: string, request: unknown): Promise<ApiResult<unknown>> => {
    let response: Response;
    try {
      response = await env.fetch(`api/${method}`, { method: 'POST', headers, body: JSON.stringify(request) });
    } catch {
      return ioError(LOST_CONNECTION);
    }
    if (!(response.headers.get('content-type') ?? '').startsWith('application/json')) {
      return ioError(
        response.status === 403
          ? 'The AcqMeta server refused the request: open the link it printed, token included'
          : `The AcqMeta server answered ${response.status}`,
      );
    }
    try {
      return (await response.json()) as ApiResult<unknown>;
    } catch {
      return ioError(LOST_CONNECTION);
    }
  };

  const methods = Object.fromEntries(API_METHOD_NAMES.map((name) => [name, (request: unknown) => call(name, request)]));
  const events = eventStream(env, eventsUrl(token));
  return { ...(methods as ApiCalls), ...events };
}

/**
 * One shared event stream, opened with the first listener and closed with the last; ready
 * once connected (a scan started before that would send its first rows to no one).
 */
function eventStream(env: HttpClientEnvironment, url: string): Pick<ApiClient, 'onEvent' | 'eventsReady'> {
  const listeners = new Set<(event: ApiEvent) => void>();
  let close: (() => void) | null = null;
  let generation = 0;
  let connected = false;
  const waiting = createWaitList(env.later);

  const open = () => {
    const mine = ++generation;
    connected = false;
    close = env.openEventSource(url, {
      opened() {
        if (mine !== generation) return;
        connected = true;
        waiting.releaseAll();
      },
      message(data) {
        const event = fromWireEvent(JSON.parse(data) as WireEvent);
        for (const listener of [...listeners]) listener(event);
      },
      closed() {
        connected = false;
        env.later(() => {
          if (mine === generation && listeners.size > 0) open();
        }, RECONNECT_MS);
      },
    });
  };

  const onEvent: ApiClient['onEvent'] = (listener) => {
    listeners.add(listener);
    if (close === null) open();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && close !== null) {
        close();
        close = null;
        generation += 1;
      }
    };
  };
  const eventsReady = (timeoutMs: number): Promise<void> => {
    return connected || close === null ? Promise.resolve() : waiting.wait(timeoutMs); // open, or nobody listens
  };
  return { onEvent, eventsReady };
}

function ioError(message: string): ApiResult<never> {
  return { ok: false, error: { code: 'IO', message } };
}
