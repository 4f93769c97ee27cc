import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { watchFolder } from '../../../../../electron/services/watch';

// The system is out of inotify watches: native watching cannot start.
vi.mock('@parcel/watcher', () => ({
  subscribe: vi.fn(() =>
    Promise.reject(Object.assign(new Error('inotify_add_watch: No space left on device'), { code: 'ENOSPC' })),
  ),
}));

describe('watchFolder when native watching fails', () => {
  it('falls back to polling and still reports changes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-watch-'));
    let seen: (paths: string[]) => void = () => undefined;
    const reported = new Promise<string[]>((resolve) => {
      seen = resolve;
    });
    const watch = await watchFolder(
      dir,
      async (paths) => seen(paths),
      () => true,
      { mode: 'auto', pollIntervalMs: 50, timing: { quietMs: 20, maxWaitMs: 100 } },
    );
    try {
      expect(watch.mode).toBe('poll');
      writeFileSync(path.join(dir, 'new.tif'), 'x');
      expect(await reported).toEqual([path.join(dir, 'new.tif')]);
    } finally {
      await watch.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
