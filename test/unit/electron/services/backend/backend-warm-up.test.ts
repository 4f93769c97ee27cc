/**
 * The folder opened at start is read ahead of its scan (its first 32 images, a first batch), so
 * the scan's code is warm and its first rows only need a `stat` of each file when a window asks
 * for them; a file changed since is read again. The warm-up sends no events and stops as soon as
 * a scan starts.
 */
import {
  closeSync,
  copyFileSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiEvent, ApiMethodName, ApiRequest, ApiResponse, ApiResult } from '../../../../../shared/api';
import { createBackend, type Backend, type BackendOptions } from '../../../../../electron/services/backend';
import { createTiffScanner, type TiffScanner } from '../../../../../electron/services/tiff';
import type { WatchOptions } from '../../../../../electron/services/watch';
import { buildCli, type BuiltCli } from '../../cli/built-cli';

const IMAGES = 40;
const AHEAD = 32;
const TIFF = path.resolve(__dirname, '../../../../fixtures/tiff/skimage/chessboard_GRAY_U16.tif');
const SIDECAR = path.resolve(__dirname, '../../../../fixtures/sidecars/canonical.tif.json');

/**
 * `scanner`, recording the file name of every header it is asked for: `name` when it reads it,
 * `name (stamp)` when it only compares the file's stamp with a header already known; `asked`
 * is told each. A read `held` names is answered only once that promise settles.
 */
function recording(
  scanner: TiffScanner,
  reads: string[],
  held = new Map<string, Promise<void>>(),
  asked: (read: string) => void = () => undefined,
): TiffScanner {
  return {
    scan: (absPath) => scanner.scan(absPath),
    summary: async (absPath, options) => {
      const name = path.basename(absPath);
      reads.push(`${name}${options?.known ? ' (stamp)' : ''}`);
      asked(reads.at(-1) as string);
      const answer = scanner.summary(absPath, options);
      await held.get(name);
      return answer;
    },
    preview: (absPath, request) => scanner.preview(absPath, request),
    readerId: () => scanner.readerId(),
    warm: () => scanner.warm(),
    close: () => scanner.close(),
  };
}

type WarmUpMoment = Parameters<NonNullable<BackendOptions['warmUp']>>[0];

/** The read ahead's moments as a backend tells them, and a promise of the first of each kind. */
interface WarmUpMoments {
  tell: (moment: WarmUpMoment) => void;
  first: (...kinds: WarmUpMoment[]) => Promise<WarmUpMoment>;
}

function warmUpMoments(): WarmUpMoments {
  const told: WarmUpMoment[] = [];
  const waiting: { kinds: WarmUpMoment[]; resolve: (moment: WarmUpMoment) => void }[] = [];
  return {
    tell(moment) {
      told.push(moment);
      for (const waiter of waiting.filter((w) => w.kinds.includes(moment))) waiter.resolve(moment);
    },
    first: (...kinds) =>
      new Promise((resolve) => {
        const seen = told.find((moment) => kinds.includes(moment));
        if (seen === undefined) waiting.push({ kinds, resolve });
        else resolve(seen);
      }),
  };
}

describe('warming up the scan of the folder opened at start', () => {
  let built: BuiltCli;
  let folder = '';
  let scanner: TiffScanner;
  let backend: Backend | null = null;
  const reads: string[] = [];
  const events: ApiEvent[] = [];
  const types = () => events.map((e) => e.type);
  const names = Array.from({ length: IMAGES }, (_, i) => `image-${String(i).padStart(2, '0')}.tif`);
  const stamped = (list: string[]) => list.map((name) => `${name} (stamp)`);
  /** Reads answered late (see recording), by file name. */
  const held = new Map<string, Promise<void>>();
  /** Told of each read asked for (see recording). */
  let asked: (read: string) => void = () => undefined;

  /** The moments of the read ahead (see BackendOptions.warmUp) of the backend last started. */
  let moments: WarmUpMoments = warmUpMoments();

  /** A backend on the folder, its events recorded from the start. */
  function start(cacheDir?: string, watch?: WatchOptions, liveTimer?: BackendOptions['liveTimer']): Backend {
    moments = warmUpMoments();
    backend = createBackend({
      warmUp: moments.tell,
      door: 'browser',
      initialFolder: folder,
      scanner: recording(scanner, reads, held, (read) => asked(read)),
      cacheDir,
      watch,
      liveTimer,
    });
    backend.onEvent((event) => events.push(event));
    return backend;
  }

  /** The species of every row the scan sent, by image. */
  const speciesOf = () =>
    Object.fromEntries(
      events.flatMap((e) => (e.type === 'scan-rows' ? e.rows : [])).map((row) => [row.path, row.values.species]),
    );

  beforeEach(async () => {
    built ??= await buildCli();
    scanner = createTiffScanner({ workerScript: built.workerScript, workers: 2 });
    folder = mkdtempSync(path.join(tmpdir(), 'acqmeta-warm-up-'));
    for (const name of names) {
      copyFileSync(TIFF, path.join(folder, name));
      copyFileSync(SIDECAR, path.join(folder, `${name}.json`));
    }
    reads.length = 0;
    events.length = 0;
    held.clear();
    asked = () => undefined;
  });

  afterEach(async () => {
    await backend?.close();
    backend = null;
    await scanner.close();
    rmSync(folder, { recursive: true, force: true });
  });

  afterAll(() => built?.remove());

  it('reads the first 32 images once, in walk order, and sends nothing', async () => {
    start();
    await moments.first('over');
    expect(reads).toEqual(names.slice(0, AHEAD));
    expect(events).toEqual([]);
  });

  it('hands them to the scan, which only compares their stamps and reads the rest: every row whole', async () => {
    // the last two reads ahead are still under way when the scan starts: it waits for them
    let release = (): void => undefined;
    const late = new Promise<void>((resolve) => (release = resolve));
    for (const name of names.slice(AHEAD - 2, AHEAD)) held.set(name, late);
    const opened = start();
    await vi.waitFor(() => expect(reads).toHaveLength(AHEAD), { timeout: 10_000, interval: 20 });
    // the scan says it waits for them; one that did not wait would ask for them itself (and be held too)
    const readAgain = new Promise<void>((resolve) => {
      asked = (read) => {
        if (names.slice(AHEAD - 2, AHEAD).includes(read)) resolve();
      };
    });
    expect((await opened.call('getSession', { scan: true })).ok).toBe(true);
    await Promise.race([moments.first('awaited'), readAgain]);
    release();
    await vi.waitFor(() => expect(types()).toContain('scan-done'), { timeout: 10_000, interval: 20 });
    expect(reads.slice(AHEAD)).toEqual([...stamped(names.slice(0, AHEAD)), ...names.slice(AHEAD)]);
    expect(speciesOf()).toEqual(Object.fromEntries(names.map((name) => [name, 'mouse'])));
    // a second scan reads for itself
    reads.length = 0;
    expect((await opened.call('scanFolder', {})).ok).toBe(true);
    await vi.waitFor(() => expect(types().filter((t) => t === 'scan-done')).toHaveLength(2), {
      timeout: 10_000,
      interval: 20,
    });
    expect(reads).toEqual(names);
  });

  it('shows what changed on disk after the read ahead: a sidecar rewritten, an image replaced', async () => {
    const opened = start();
    await vi.waitFor(() => expect(reads).toHaveLength(AHEAD), { timeout: 10_000, interval: 20 });
    const sidecar = path.join(folder, `${names[3]}.json`);
    writeFileSync(
      sidecar,
      readFileSync(sidecar, 'utf8').replace('"species": "mouse"', '"species": "rat, a longer name"'),
    );
    copyFileSync(
      path.resolve(__dirname, '../../../../fixtures/tiff/generated/imagej-2ch-u16.tif'),
      path.join(folder, names[5] as string),
    );
    expect((await opened.call('getSession', { scan: true })).ok).toBe(true);
    await vi.waitFor(() => expect(types()).toContain('scan-done'), { timeout: 10_000, interval: 20 });
    expect(speciesOf()[names[3] as string]).toBe('rat, a longer name');
    const rows = events.flatMap((e) => (e.type === 'scan-rows' ? e.rows : []));
    expect(rows.find((row) => row.path === names[5])?.header?.num_channels).toBe(2);
    expect(rows.find((row) => row.path === names[4])?.header?.num_channels).toBe(1);
  });

  it('leaves the scan cache of a folder that did not change as it is, though the scan took the images read ahead', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'acqmeta-warm-up-cache-'));
    try {
      const scanOnce = async (): Promise<void> => {
        const opened = start(cacheDir);
        await vi.waitFor(() => expect(reads).toHaveLength(AHEAD), { timeout: 10_000, interval: 20 });
        expect((await opened.call('getSession', { scan: true })).ok).toBe(true);
        await vi.waitFor(() => expect(types()).toContain('scan-done'), { timeout: 10_000, interval: 20 });
        await opened.close();
        backend = null;
      };
      await scanOnce();
      const [cacheFile] = readdirSync(cacheDir).map((name) => path.join(cacheDir, name));
      const before = { ino: statSync(cacheFile as string).ino, bytes: readFileSync(cacheFile as string) };
      reads.length = 0;
      events.length = 0;
      await scanOnce();
      expect(reads.slice(AHEAD)).toEqual(stamped(names));
      expect(speciesOf()).toEqual(Object.fromEntries(names.map((name) => [name, 'mouse'])));
      expect(statSync(cacheFile as string).ino).toBe(before.ino); // not written again
      expect(readFileSync(cacheFile as string).equals(before.bytes)).toBe(true);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('leaves the watch and its walk of the tree until the scan is over', async () => {
    // the fallback after an open with no scan never comes: only the scan can start the watch
    const opened = start(undefined, { mode: 'native' }, () => () => undefined);
    await vi.waitFor(() => expect(reads).toHaveLength(AHEAD), { timeout: 10_000, interval: 20 });
    expect((await opened.call('getSession', { scan: true })).ok).toBe(true);
    await vi.waitFor(() => expect(types()).toContain('folder-watching'), { timeout: 10_000, interval: 20 });
    expect(types().indexOf('folder-watching')).toBeGreaterThan(types().indexOf('scan-done'));
  });

  it('stops once a scan starts: a window asking at once costs no extra reads', async () => {
    const opened = start();
    const result = await opened.call('getSession', { scan: true });
    expect(result.ok).toBe(true);
    await vi.waitFor(() => expect(types()).toContain('scan-done'), { timeout: 10_000, interval: 20 });
    await moments.first('over');
    expect(reads).toEqual(names);
  });

  it('recovers a header write cut short before it reads the image ahead', async () => {
    // a calibration of the first image, then cut short as a kill after its append leaves it
    const file = path.join(folder, names[0] as string);
    const original = readFileSync(file);
    const writer = createBackend({ door: 'browser', scanner: recording(scanner, []) });
    backend = writer;
    const ok = async <K extends ApiMethodName>(method: K, request: ApiRequest<K>): Promise<ApiResponse<K>> => {
      const result = (await writer.call(method, request)) as ApiResult<ApiResponse<K>>;
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.payload;
    };
    await ok('openFolder', { path: folder });
    const done = new Promise<void>((resolve) => writer.onEvent((e) => e.type === 'calibrate-done' && resolve()));
    const { reviewId } = await ok('reviewCalibration', { paths: [names[0] as string] });
    await ok('startCalibration', { reviewId });
    await done;
    const record = (await ok('getJournal', { paths: [names[0] as string] })).headers?.[0];
    expect(record).toBeDefined();
    await writer.close();
    const fd = openSync(file, 'r+');
    for (const range of record?.ranges ?? [])
      writeSync(fd, Buffer.from(range.old, 'hex'), 0, range.old.length / 2, range.offset);
    closeSync(fd);
    expect(readFileSync(file).equals(original)).toBe(false);

    let readAs: 'recovered' | 'cut short' | null = null;
    asked = (read) => {
      if (read === names[0]) readAs ??= readFileSync(file).equals(original) ? 'recovered' : 'cut short';
    };
    start();
    await moments.first('over');
    expect(readAs).toBe('recovered');
    expect(readFileSync(file).equals(original)).toBe(true);
  });

  it('is not done for a folder opened later (its scan follows at once)', async () => {
    moments = warmUpMoments();
    const opened = createBackend({ door: 'browser', scanner: recording(scanner, reads), warmUp: moments.tell });
    backend = opened;
    expect((await opened.call('openFolder', { path: folder })).ok).toBe(true);
    // the open decides: `none`, or `over` once a read ahead ended
    expect(await moments.first('none', 'over')).toBe('none');
    expect(reads).toEqual([]);
  });
});
