/**
 * Browser mode starts the open folder's scan when it serves the app's page (`windowLoading`),
 * before the page's script asks for `getSession`; that call takes the scan over instead of
 * starting another, and until then the scan sends nothing. A scan nobody takes is dropped, and
 * a scan under way for another window is left alone.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../../../shared/api';
import type { LiveTimer } from '../../../../../electron/services/backend/live-folder';
import type { TiffScanner } from '../../../../../electron/services/tiff';
import type { LabCopy } from '../folder/lab-folder';
import { copyLab, LAB_IMAGE_PATHS } from '../folder/lab-folder';
import { removeTestBundles, startBackend, testScanner, type Harness } from './backend-harness';

type RowsEvent = Extract<ApiEvent, { type: 'scan-rows' }>;

describe('the scan of a window that is loading', () => {
  let copy: LabCopy;
  let scanner: TiffScanner;
  let h: Harness;
  /** Every image the scanner was asked about, in order. */
  let asked: string[];
  let firstAsked: Promise<void>;
  /** The timers the backend set (see BackendOptions.listenerTimer), never run unless a test runs one. */
  let timers: { start: () => void; ms: number }[];

  beforeEach(async () => {
    copy = await copyLab();
    const inner = await testScanner();
    asked = [];
    let told = (): void => undefined;
    firstAsked = new Promise((resolve) => (told = resolve));
    scanner = {
      ...inner,
      summary: (absPath, options) => {
        asked.push(absPath);
        told();
        return inner.summary(absPath, options);
      },
      close: () => inner.close(),
    };
    timers = [];
    const listenerTimer: LiveTimer = (start, ms) => (timers.push({ start, ms }), () => undefined);
    h = await startBackend({ scanner, listenerTimer });
    // opened by a call, so nothing is read ahead: every read is the scan's
    await h.ok('openFolder', { path: copy.lab });
  });
  afterEach(async () => {
    await h.backend.close();
    await scanner.close();
    await copy.remove();
  });
  afterAll(removeTestBundles);

  const rowPaths = (scanId: string) =>
    h.events
      .filter((e): e is RowsEvent => e.type === 'scan-rows' && e.scanId === scanId)
      .flatMap((e) => e.rows.map((r) => r.path));

  it('starts when the page is served, sends nothing until getSession takes it over, then every row once', async () => {
    h.backend.windowLoading?.();
    await firstAsked; // the folder is being read before any call
    expect(h.events).toEqual([]);
    const { scanId } = await h.ok('getSession', { scan: true });
    expect(scanId).not.toBeNull();
    await h.waitFor((e) => e.type === 'scan-done' && e.scanId === scanId);
    expect(h.events.every((e) => !('scanId' in e) || e.scanId === scanId)).toBe(true);
    expect(rowPaths(scanId as string)).toEqual(LAB_IMAGE_PATHS);
    // one scan: each image read once
    expect(asked).toHaveLength(new Set(asked).size);
  });

  it('is dropped when no window takes it over in time: the next getSession scans afresh', async () => {
    h.backend.windowLoading?.();
    await firstAsked;
    const drop = timers.find((t) => t.ms === 10_000);
    expect(drop).toBeDefined();
    drop?.start();
    const { scanId } = await h.ok('getSession', { scan: true });
    await h.waitFor((e) => e.type === 'scan-done' && e.scanId === scanId);
    expect(h.events.every((e) => !('scanId' in e) || e.scanId === scanId)).toBe(true);
    expect(rowPaths(scanId as string)).toHaveLength(6);
  });

  it('leaves a scan under way for another window alone', async () => {
    const { scanId } = await h.ok('scanFolder', {});
    h.backend.windowLoading?.();
    await h.waitFor((e) => e.type === 'scan-done' && e.scanId === scanId);
    expect(h.events.every((e) => !('scanId' in e) || e.scanId === scanId)).toBe(true);
    expect(rowPaths(scanId)).toHaveLength(6);
    expect(timers.filter((t) => t.ms === 10_000)).toEqual([]);
  });
});
