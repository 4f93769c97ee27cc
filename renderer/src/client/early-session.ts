/**
 * Browser mode's first requests, made while the page's JavaScript is still loading: the event
 * stream is opened and `getSession` (which starts the scan of the open folder) is asked for as
 * soon as the document is parsed, by a small script of its own (early-start.ts). The HTTP
 * client then takes the stream and the answer over instead of making them again, and receives
 * the events that came meanwhile; nothing is asked twice.
 */

/** `EventSource.OPEN` and `EventSource.CLOSED` (also where there is no `EventSource`, as in tests). */
const OPEN = 1;
const CLOSED = 2;

/** The call that starts a session: what the session slice asks for first (see loadSession). */
export const EARLY_CALL = { url: 'api/getSession', body: JSON.stringify({ scan: true }) } as const;

/** The token of the page's address (`?token=`), sent with every request; null without one. */
export function pageToken(search: string): string | null {
  return new URLSearchParams(search).get('token');
}

/** The headers of an API call made with `token`. */
export function callHeaders(token: string | null): Record<string, string> {
  return token === null
    ? { 'Content-Type': 'application/json' }
    : { 'Content-Type': 'application/json', 'X-AcqMeta-Token': token };
}

/** The URL of the event stream for `token`. */
export function eventsUrl(token: string | null): string {
  return token === null ? 'api/events' : `api/events?token=${encodeURIComponent(token)}`;
}

/** What the client hears from one event stream. */
export interface EventStreamHandlers {
  /** The stream is connected: what the server sends from now on arrives. */
  opened(): void;
  /** One `data:` payload. */
  message(data: string): void;
  /** The browser gave up on the stream (it retries dropped streams by itself otherwise). */
  closed(): void;
}

/** The parts of an `EventSource` used here (tests pass fakes). */
export interface EventStream {
  readonly url: string;
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent<string>) => void) | null;
  onerror: ((event: Event) => void) | null;
  close(): void;
}

/** What the early script needs from the page. */
export interface EarlyPage {
  /** Whether Electron's preload bridge serves the API (then nothing is asked early). */
  bridged: boolean;
  search: string;
  openStream(url: string): EventStream;
  fetch(url: string, init: RequestInit): Promise<Response>;
}

/** What the early script started and nobody has taken yet. */
interface EarlySession {
  stream: EventStream | null;
  /** The stream's `data:` payloads received before it was taken. */
  received: string[];
  answer: Promise<Response> | null;
}

let early: EarlySession | null = null;

function browserPage(): EarlyPage {
  return {
    bridged: window.acqmeta !== undefined,
    search: window.location.search,
    openStream: (url) => new EventSource(url),
    fetch: (url, init) => window.fetch(url, init),
  };
}

/** Opens the event stream and, once it is connected, asks for the session; in browser mode only, once. */
export function startEarlySession(page: EarlyPage = browserPage()): void {
  if (early !== null || page.bridged) return;
  const token = pageToken(page.search);
  const stream = page.openStream(eventsUrl(token));
  const session: EarlySession = { stream, received: [], answer: null };
  early = session;
  stream.onmessage = (event) => void session.received.push(event.data);
  stream.onopen = () => {
    stream.onopen = null;
    session.answer = page.fetch(EARLY_CALL.url, { method: 'POST', headers: callHeaders(token), body: EARLY_CALL.body });
  };
}

/** Passes what `stream` says to `handlers` from now on. */
export function listenTo(stream: EventStream, handlers: EventStreamHandlers): void {
  stream.onopen = () => handlers.opened();
  stream.onmessage = (event) => handlers.message(event.data);
  stream.onerror = () => {
    if (stream.readyState === CLOSED) handlers.closed();
  };
}

/**
 * The stream the early script opened at `url`, now passing what it says to `handlers`, which
 * are first told what it did before: connected, the payloads received, closed. Null when there
 * is none (or it was taken).
 */
export function takeEarlyStream(url: string, handlers: EventStreamHandlers): EventStream | null {
  const stream = early?.stream ?? null;
  if (early === null || stream === null || !stream.url.endsWith(url)) return null;
  early.stream = null;
  listenTo(stream, handlers);
  if (stream.readyState === OPEN) handlers.opened();
  for (const data of early.received) handlers.message(data);
  if (stream.readyState === CLOSED) handlers.closed();
  return stream;
}

/** The early answer to this very call, taken once; null for any other call, or when none was asked. */
export function takeEarlyAnswer(url: string, body: unknown): Promise<Response> | null {
  const answer = early?.answer ?? null;
  if (early === null || answer === null || url !== EARLY_CALL.url || body !== EARLY_CALL.body) return null;
  early.answer = null;
  return answer;
}
