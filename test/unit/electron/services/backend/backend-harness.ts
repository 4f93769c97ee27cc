/**
 * Test helper: a backend on a copy of the lab folder, and its events collected.
 */
import { afterAll, afterEach, beforeEach } from 'vitest';
import type { ApiEvent, ApiMethodName, ImageRow, ApiRequest, ApiResponse, ApiResult } from '../../../../../shared/api';
import { createBackend, type Backend, type BackendOptions } from '../../../../../electron/services/backend';
import { createTiffScanner, type TiffScanner } from '../../../../../electron/services/tiff';
import { buildCli, type BuiltCli } from '../../cli/built-cli';
import { copyLab, type LabCopy } from '../folder/lab-folder';

let built: Promise<BuiltCli> | null = null;

/** A scanner whose worker is bundled once per test file; the caller closes it. */
export async function testScanner(): Promise<TiffScanner> {
  built ??= buildCli();
  return createTiffScanner({ workerScript: (await built).workerScript, workers: 2 });
}

/** Removes the bundles made for {@link testScanner}. */
export async function removeTestBundles(): Promise<void> {
  if (built !== null) await (await built).remove();
  built = null;
}

/** A backend under test. */
export interface Harness {
  backend: Backend;
  events: ApiEvent[];
  /** Calls a method with a typed request. */
  call<K extends ApiMethodName>(method: K, request: ApiRequest<K>): Promise<ApiResult<ApiResponse<K>>>;
  /** Calls a method and returns its payload; fails the test on an error result. */
  ok<K extends ApiMethodName>(method: K, request: ApiRequest<K>): Promise<ApiResponse<K>>;
  /** Resolves on the first event that matches. */
  waitFor(match: (event: ApiEvent) => boolean): Promise<ApiEvent>;
  /** Starts collecting events (done at once unless the backend was started with `listen` false). */
  listen(): void;
}

/** Starts a backend (browser door unless told otherwise) on a scanner from {@link testScanner}; with `listen` false, nobody listens to its events yet. */
export async function startBackend(options: Partial<BackendOptions> = {}, listen = true): Promise<Harness> {
  const scanner = await testScanner();
  const created = createBackend({ door: 'browser', scanner, ...options });
  const backend: Backend = {
    ...created,
    async close() {
      await created.close();
      await scanner.close();
    },
  };
  const events: ApiEvent[] = [];
  const waiters: { match: (e: ApiEvent) => boolean; resolve: (e: ApiEvent) => void }[] = [];
  const collect = (event: ApiEvent) => {
    events.push(event);
    for (const waiter of [...waiters]) {
      if (waiter.match(event)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
    }
  };
  if (listen) backend.onEvent(collect);
  const call = <K extends ApiMethodName>(method: K, request: ApiRequest<K>) =>
    backend.call(method, request) as Promise<ApiResult<ApiResponse<K>>>;
  return {
    backend,
    events,
    call,
    async ok(method, request) {
      const result = await call(method, request);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
      return result.payload;
    },
    waitFor(match) {
      const seen = events.find(match);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    listen: () => void backend.onEvent(collect),
  };
}

/** The error code of a result, or 'ok'. */
export function codeOf(result: ApiResult<unknown>): string {
  return result.ok ? 'ok' : result.error.code;
}

/**
 * Copies the lab folder and starts a backend with `options(lab)`; with `open`, the copy is
 * the open folder. Undo with {@link stopOnLab}.
 */
export async function startOnLab(
  options: (lab: string) => Partial<BackendOptions> = () => ({}),
  open = true,
): Promise<{ copy: LabCopy; h: Harness }> {
  const copy = await copyLab();
  const h = await startBackend(options(copy.lab));
  if (open) await h.ok('openFolder', { path: copy.lab });
  return { copy, h };
}

/**
 * Gives every test a backend on its own lab copy, the open folder (call at file or describe
 * level); `copy` and `h` always point at the running test's.
 */
export function labBackendPerTest(): { readonly copy: LabCopy; readonly h: Harness } {
  let current: { copy: LabCopy; h: Harness } | undefined;
  beforeEach(async () => {
    current = await startOnLab();
  });
  afterEach(async () => {
    if (current !== undefined) await stopOnLab(current.copy, current.h);
    current = undefined;
  });
  afterAll(removeTestBundles);
  const running = () => {
    if (current === undefined) throw new Error('the backend runs only while a test runs');
    return current;
  };
  return {
    get copy() {
      return running().copy;
    },
    get h() {
      return running().h;
    },
  };
}

/** Closes the backend, then removes the copy (even when closing fails). */
export async function stopOnLab(copy: LabCopy, h: Harness): Promise<void> {
  try {
    await h.backend.close();
  } finally {
    await copy.remove();
  }
}

/** Scans the open folder and resolves with its rows, by path, once the scan is done. */
export async function scanRows(h: Harness): Promise<Map<string, ImageRow>> {
  const { scanId } = await h.ok('scanFolder', {});
  await h.waitFor((e) => e.type === 'scan-done' && e.scanId === scanId);
  const rows = h.events
    .filter((e): e is Extract<ApiEvent, { type: 'scan-rows' }> => e.type === 'scan-rows' && e.scanId === scanId)
    .flatMap((e) => e.rows);
  return new Map(rows.map((row) => [row.path, row]));
}
