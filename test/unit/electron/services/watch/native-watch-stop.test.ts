/**
 * A native watch has stopped only once every subscription it made has ended, those of folders
 * that went included: @parcel/watcher ends its inotify thread with its last subscription, and
 * the next folder's watch, started meanwhile, would join that thread and hear nothing.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { startNativeWatch } from '../../../../../electron/services/watch/native-watch';

type Callback = (error: Error | null, events: { type: string; path: string }[]) => void;

const parcel = vi.hoisted(() => ({
  callbacks: new Map<string, Callback>(),
  /** Ends the subscription of a folder that went, once called. */
  endFollowed: () => undefined as void,
  log: [] as string[],
}));

vi.mock('@parcel/watcher', () => ({
  subscribe: vi.fn((dir: string, callback: Callback) => {
    const root = parcel.callbacks.size === 0;
    parcel.callbacks.set(dir, callback);
    const unsubscribe = (): Promise<void> => {
      if (root) return Promise.resolve();
      return new Promise<void>((resolve) => {
        parcel.endFollowed = () => {
          parcel.log.push('followed folder unsubscribed');
          resolve();
        };
      });
    };
    return Promise.resolve({ unsubscribe });
  }),
}));

describe.runIf(process.platform === 'linux')('stopping a native watch', () => {
  it('waits for the subscription of a folder that went to end', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-stop-'));
    const session = path.join(dir, 'session-1');
    mkdirSync(session);
    let followed: () => void = () => undefined;
    const inPlace = new Promise<void>((resolve) => (followed = resolve));
    let reports = 0;
    const watch = await startNativeWatch(
      dir,
      (paths) => {
        reports += paths.filter((p) => p === session).length;
        if (reports === 2) followed(); // once by the folder's event, once its own subscription is in place
      },
      () => undefined,
      (name) => name.endsWith('.tif'),
    );
    try {
      const root = parcel.callbacks.get(dir) as Callback;
      root(null, [{ type: 'create', path: session }]);
      await inPlace;
      rmSync(session, { recursive: true });
      root(null, [{ type: 'delete', path: session }]);
      const stopped = watch.stop().then(() => parcel.log.push('watch stopped'));
      await new Promise(setImmediate); // every promise already settled has run its callbacks
      expect(parcel.log).toEqual([]);
      parcel.endFollowed();
      await stopped;
      expect(parcel.log).toEqual(['followed folder unsubscribed', 'watch stopped']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
