import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { beforeRead, readDelayMs } from '../../../../../electron/services/folder/read-delay';
import { withFileSource } from '../../../../../electron/services/tiff/file-source';

const TIFF = path.resolve(__dirname, '../../../../fixtures/tiff/generated/float32.tif');

/** Whether `promise` has settled after the fake clock moved `ms` on. */
async function settledAfter(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  void promise.then(() => {
    settled = true;
  });
  await vi.advanceTimersByTimeAsync(ms);
  return settled;
}

describe('the slow-disk adapter', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it('reads its delay from ACQMETA_READ_DELAY_MS', () => {
    expect(readDelayMs({})).toBe(0);
    expect(readDelayMs({ ACQMETA_READ_DELAY_MS: '20' })).toBe(20);
    expect(readDelayMs({ ACQMETA_READ_DELAY_MS: 'slow' })).toBe(0);
    expect(readDelayMs({ ACQMETA_READ_DELAY_MS: '-5' })).toBe(0);
    expect(readDelayMs({ ACQMETA_READ_DELAY_MS: '1e9' })).toBe(60_000);
  });

  it('delays every read of a TIFF header', async () => {
    vi.useFakeTimers();
    const read = withFileSource(TIFF, async (source) => [await source.read(0, 2), await source.read(2, 2)], 20);
    expect(await settledAfter(read, 39)).toBe(false);
    expect(await settledAfter(read, 1)).toBe(true);
    expect(Buffer.concat(await read).toString('latin1', 0, 2)).toMatch(/II|MM/);
  });

  it('makes the reads of folders and sidecars wait as long as the environment says', async () => {
    vi.useFakeTimers();
    expect(beforeRead()).toBeUndefined();
    vi.stubEnv('ACQMETA_READ_DELAY_MS', '50');
    const waiting = beforeRead() as Promise<void>;
    expect(await settledAfter(waiting, 49)).toBe(false);
    expect(await settledAfter(waiting, 1)).toBe(true);
  });
});
