/**
 * A command whose writes run one after another (`acqmeta calibrate`) has its folder locks
 * released as soon as a write ends (`releaseAtOnce`): the write's end waits for no linger kept
 * for a next write that never comes (here the clock is stopped, so a linger would never end),
 * and the lock folder is gone when it resolves.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { releaseAtOnce, withSidecarLock } from '../../../../../electron/services/sidecar';
import { imageFolder, namesIn } from './temp-folder';

afterEach(() => {
  vi.useRealTimers();
});

describe('releaseAtOnce', () => {
  it('releases the lock when the last write ends, with no linger to wait for', async () => {
    const { dir, image } = imageFolder();
    releaseAtOnce();
    const written = await withSidecarLock(image, true, async () => {
      expect(namesIn(dir)).toEqual(['.acqmeta-lock', 'cell.tif']);
      vi.useFakeTimers({ toFake: ['setTimeout'] });
      return 'written';
    });
    expect(written).toBe('written');
    expect(vi.getTimerCount()).toBe(0);
    expect(namesIn(dir)).toEqual(['cell.tif']);
  }, 2000);
});
