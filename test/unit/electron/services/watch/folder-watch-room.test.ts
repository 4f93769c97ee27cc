/**
 * A native watch on a system that runs out of inotify watches: @parcel/watcher then leaves a
 * new folder unwatched and holds its event back (here: a watcher that never reports). The
 * watch turns to polling, and the files changed meanwhile are handed over first.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchFolder, type FolderWatch } from '../../../../../electron/services/watch';

type Callback = (error: Error | null, events: { type: string; path: string }[]) => void;

const parcel = vi.hoisted(() => ({ subscribed: [] as { dir: string; callback: Callback }[], refuseFollow: false }));
const room = vi.hoisted(() => ({ left: true }));

vi.mock('@parcel/watcher', () => ({
  subscribe: vi.fn((dir: string, callback: Callback) => {
    if (parcel.subscribed.length > 0 && parcel.refuseFollow)
      return Promise.reject(new Error(`inotify_add_watch on '${dir}' failed: No space left on device`));
    parcel.subscribed.push({ dir, callback });
    return Promise.resolve({ unsubscribe: () => Promise.resolve() });
  }),
}));
vi.mock('../../../../../electron/services/watch/watch-room', () => ({
  ROOM_CHECK_MS: 20,
  canAddWatch: () => room.left,
}));

describe.runIf(process.platform === 'linux')('a native watch out of inotify watches', () => {
  let dir: string;
  let watch: FolderWatch | undefined;
  const handed: string[] = [];
  let arrived: () => void = () => undefined;
  /** Resolves once `file` has been handed over. */
  const handedOver = (file: string): Promise<void> =>
    new Promise((resolve) => {
      arrived = () => {
        if (handed.includes(file)) resolve();
      };
      arrived();
    });
  let polling: () => void = () => undefined;
  let turnedToPolling: Promise<void>;

  const start = async (): Promise<FolderWatch> =>
    (watch = await watchFolder(
      dir,
      async (paths) => {
        handed.push(...paths);
        arrived();
      },
      (name) => name.endsWith('.tif'),
      { mode: 'native', pollIntervalMs: 60_000, timing: { quietMs: 10, maxWaitMs: 50 } },
      () => polling(),
    ));

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-room-'));
    parcel.subscribed.length = 0;
    parcel.refuseFollow = false;
    room.left = true;
    handed.length = 0;
    turnedToPolling = new Promise<void>((resolve) => (polling = resolve));
  });
  afterEach(async () => {
    await watch?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('polls once no watch can be added, and hands over first what changed while events were held', async () => {
    const w = await start();
    mkdirSync(path.join(dir, 'session-3'));
    writeFileSync(path.join(dir, 'session-3', 'cell.tif'), 'x');
    room.left = false;
    await handedOver(path.join(dir, 'session-3', 'cell.tif'));
    await turnedToPolling;
    expect(w.mode).toBe('poll');
  });

  it('hands over a folder moved in while events were held, so that its images are read', async () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'acqmeta-acquired-'));
    try {
      mkdirSync(path.join(elsewhere, 'run-1'));
      writeFileSync(path.join(elsewhere, 'run-1', 'cell.tif'), 'x');
      await start();
      renameSync(path.join(elsewhere, 'run-1'), path.join(dir, 'run-1'));
      room.left = false;
      await handedOver(path.join(dir, 'run-1'));
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('polls when a folder that came cannot be watched, and then sees an image come in it', async () => {
    const w = await start();
    parcel.refuseFollow = true;
    const folder = path.join(dir, 'session-4');
    mkdirSync(folder);
    parcel.subscribed[0]?.callback(null, [{ type: 'create', path: folder }]);
    await turnedToPolling;
    expect(w.mode).toBe('poll');
    writeFileSync(path.join(folder, 'cell.tif'), 'x');
    await handedOver(path.join(folder, 'cell.tif'));
  });
});
