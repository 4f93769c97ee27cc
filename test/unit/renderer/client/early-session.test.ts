import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EarlyPage, EventStream } from '../../../../renderer/src/client/early-session';
import type { EventStreamHandlers } from '../../../../renderer/src/client/early-session';

type EarlySessionModule = typeof import('../../../../renderer/src/client/early-session');

/** A stream that is connected, sent to and closed by the test. */
class FakeStream implements EventStream {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent<string>) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {}
  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  send(data: string): void {
    this.onmessage?.(new MessageEvent('message', { data }));
  }
  fail(): void {
    this.readyState = 2;
    this.onerror?.(new Event('error'));
  }
  close(): void {
    this.closed = true;
  }
}

function fakePage(bridged = false) {
  const streams: FakeStream[] = [];
  const asked: Array<{ url: string; init: RequestInit }> = [];
  const answer = Promise.resolve(new Response('{}'));
  const page: EarlyPage = {
    bridged,
    search: '?token=t0k',
    openStream: (url) => {
      const stream = new FakeStream(`http://127.0.0.1:9/${url}`);
      streams.push(stream);
      return stream;
    },
    fetch: (url, init) => {
      asked.push({ url, init });
      return answer;
    },
  };
  return { page, streams, asked, answer };
}

function recordingHandlers() {
  const heard: string[] = [];
  const handlers: EventStreamHandlers = {
    opened: () => heard.push('opened'),
    message: (data) => heard.push(`message ${data}`),
    closed: () => heard.push('closed'),
  };
  return { handlers, heard };
}

describe('the early session', () => {
  let early: EarlySessionModule;
  beforeEach(async () => {
    vi.resetModules(); // each test with the module's state as a page load finds it
    early = await import('../../../../renderer/src/client/early-session');
  });

  it('asks for the session once the stream connects; the client takes both over with what came meanwhile', () => {
    const { page, streams, asked, answer } = fakePage();
    early.startEarlySession(page);
    expect(streams.map((s) => s.url)).toEqual(['http://127.0.0.1:9/api/events?token=t0k']);
    expect(asked).toEqual([]);
    streams[0]!.open();
    expect(asked).toEqual([
      {
        url: 'api/getSession',
        init: {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-AcqMeta-Token': 't0k' },
          body: '{"scan":true}',
        },
      },
    ]);
    streams[0]!.send('{"type":"scan-rows"}');
    const { handlers, heard } = recordingHandlers();
    expect(early.takeEarlyStream('api/events?token=t0k', handlers)).toBe(streams[0]);
    streams[0]!.send('{"type":"scan-done"}');
    expect(heard).toEqual(['opened', 'message {"type":"scan-rows"}', 'message {"type":"scan-done"}']);
    expect(early.takeEarlyAnswer('api/getSession', '{"scan":false}')).toBeNull();
    expect(early.takeEarlyAnswer('api/getSession', '{"scan":true}')).toBe(answer);
    expect(early.takeEarlyAnswer('api/getSession', '{"scan":true}')).toBeNull();
    expect(early.takeEarlyStream('api/events?token=t0k', handlers)).toBeNull();
  });

  it('asks for nothing itself once its stream was taken before it connected', () => {
    const { page, streams, asked } = fakePage();
    early.startEarlySession(page);
    const { handlers, heard } = recordingHandlers();
    early.takeEarlyStream('api/events?token=t0k', handlers);
    streams[0]!.open();
    expect(heard).toEqual(['opened']);
    expect(asked).toEqual([]);
    expect(early.takeEarlyAnswer('api/getSession', '{"scan":true}')).toBeNull();
  });

  it('tells the client that a stream closed before it was taken has closed', () => {
    const { page, streams } = fakePage();
    early.startEarlySession(page);
    streams[0]!.fail();
    const { handlers, heard } = recordingHandlers();
    early.takeEarlyStream('api/events?token=t0k', handlers);
    expect(heard).toEqual(['closed']);
  });

  it('opens nothing under the desktop app, whose bridge carries the calls and events', () => {
    const { page, streams } = fakePage(true);
    early.startEarlySession(page);
    expect(streams).toEqual([]);
    expect(early.takeEarlyStream('api/events', recordingHandlers().handlers)).toBeNull();
  });

  it('opens one stream however often it is started', () => {
    const { page, streams } = fakePage();
    early.startEarlySession(page);
    early.startEarlySession(page);
    expect(streams).toHaveLength(1);
  });
});
