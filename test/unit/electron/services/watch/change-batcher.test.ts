import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChangeBatcher } from '../../../../../electron/services/watch/change-batcher';

describe('ChangeBatcher', () => {
  let batches: string[][];
  let batcher: ChangeBatcher;
  beforeEach(() => {
    vi.useFakeTimers();
    batches = [];
    batcher = new ChangeBatcher(async (paths) => void batches.push(paths), { quietMs: 100, maxWaitMs: 1_000 });
  });
  afterEach(() => vi.useRealTimers());

  it('hands over a batch once the changes pause, each path once', async () => {
    batcher.add(['a', 'b']);
    await vi.advanceTimersByTimeAsync(50);
    batcher.add(['b', 'c']);
    await vi.advanceTimersByTimeAsync(99);
    expect(batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toEqual([['a', 'b', 'c']]);
  });

  it('cuts a long burst into a few batches', async () => {
    for (let i = 0; i < 5_000; i++) {
      batcher.add([`file-${i}`]);
      await vi.advanceTimersByTimeAsync(1); // a script writing one file per millisecond
    }
    await vi.advanceTimersByTimeAsync(200);
    expect(batches.length).toBeLessThanOrEqual(6);
    expect(batches.flat()).toHaveLength(5_000);
  });

  it('holds batches while held, then hands them over', async () => {
    const release = batcher.hold();
    batcher.add(['a']);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(batches).toEqual([]);
    release();
    await vi.advanceTimersByTimeAsync(100);
    expect(batches).toEqual([['a']]);
  });

  it('hands over nothing after stop', async () => {
    batcher.add(['a']);
    await batcher.stop();
    batcher.add(['b']);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(batches).toEqual([]);
  });
});
