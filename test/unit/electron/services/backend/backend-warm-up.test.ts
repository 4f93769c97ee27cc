/**
 * The folder opened at start is read once ahead of its scan (its first 16 images, rows thrown
 * away), so the scan's code is warm when a window asks for the first rows; the warm-up sends no
 * events and stops as soon as a scan starts.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../../../../electron/services/backend';
import { createTiffScanner, type TiffScanner } from '../../../../../electron/services/tiff';
import { buildCli, type BuiltCli } from '../../cli/built-cli';

const IMAGES = 40;
const TIFF = path.resolve(__dirname, '../../../../fixtures/tiff/skimage/chessboard_GRAY_U16.tif');

/** `scanner`, recording the path of every header it is asked to read. */
function recording(scanner: TiffScanner, reads: string[]): TiffScanner {
  return {
    scan: (absPath) => scanner.scan(absPath),
    summary: (absPath, options) => {
      reads.push(path.basename(absPath));
      return scanner.summary(absPath, options);
    },
    preview: (absPath, request) => scanner.preview(absPath, request),
    readerId: () => scanner.readerId(),
    warm: () => scanner.warm(),
    close: () => scanner.close(),
  };
}

describe('warming up the scan of the folder opened at start', () => {
  let built: BuiltCli;
  let folder = '';
  let scanner: TiffScanner;
  let backend: Backend | null = null;
  const reads: string[] = [];
  const events: string[] = [];
  const names = Array.from({ length: IMAGES }, (_, i) => `image-${String(i).padStart(2, '0')}.tif`);

  /** A backend on the folder, its events recorded from the start. */
  function start(): Backend {
    backend = createBackend({ door: 'browser', initialFolder: folder, scanner: recording(scanner, reads) });
    backend.onEvent((event) => events.push(event.type));
    return backend;
  }

  beforeEach(async () => {
    built ??= await buildCli();
    scanner = createTiffScanner({ workerScript: built.workerScript, workers: 2 });
    folder = mkdtempSync(path.join(tmpdir(), 'acqmeta-warm-up-'));
    for (const name of names) copyFileSync(TIFF, path.join(folder, name));
    reads.length = 0;
    events.length = 0;
  });

  afterEach(async () => {
    await backend?.close();
    backend = null;
    await scanner.close();
    rmSync(folder, { recursive: true, force: true });
  });

  afterAll(() => built?.remove());

  it('reads the first 16 images once, in walk order, and sends nothing', async () => {
    start();
    await vi.waitFor(() => expect(reads).toHaveLength(16), { timeout: 10_000, interval: 20 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reads).toEqual(names.slice(0, 16));
    expect(events).toEqual([]);
  });

  it('leaves the scan whole: every row, each image read once more', async () => {
    const opened = start();
    await vi.waitFor(() => expect(reads).toHaveLength(16), { timeout: 10_000, interval: 20 });
    const result = await opened.call('getSession', { scan: true });
    expect(result.ok).toBe(true);
    await vi.waitFor(() => expect(events).toContain('scan-done'), { timeout: 10_000, interval: 20 });
    expect(reads.slice(16)).toEqual(names);
  });

  it('stops once a scan starts: a window asking at once costs no extra reads', async () => {
    const opened = start();
    const result = await opened.call('getSession', { scan: true });
    expect(result.ok).toBe(true);
    await vi.waitFor(() => expect(events).toContain('scan-done'), { timeout: 10_000, interval: 20 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reads).toEqual(names);
  });

  it('is not done for a folder opened later (its scan follows at once)', async () => {
    const opened = createBackend({ door: 'browser', scanner: recording(scanner, reads) });
    backend = opened;
    expect((await opened.call('openFolder', { path: folder })).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reads).toEqual([]);
  });
});
