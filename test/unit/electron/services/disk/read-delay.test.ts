import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { beforeListing, beforeRead, readDelayMs } from '../../../../../electron/services/disk/read-delay';
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

  it('blocks every read of a TIFF header (in a scan worker) as a slow disk would', async () => {
    const wait = vi.spyOn(Atomics, 'wait').mockReturnValue('timed-out');
    const bytes = await withFileSource(TIFF, async (source) => [source.read(0, 2), source.read(2, 2)], 20);
    expect(Buffer.from(bytes[0] ?? []).toString('latin1')).toMatch(/II|MM/);
    expect(wait.mock.calls.map((call) => call[3])).toEqual([20, 20]);
    wait.mockRestore();
  });

  it('makes the reads of folders and sidecars wait as long as the environment says', async () => {
    vi.useFakeTimers();
    expect(beforeRead()).toBeUndefined();
    vi.stubEnv('ACQMETA_READ_DELAY_MS', '50');
    const waiting = beforeRead() as Promise<void>;
    expect(await settledAfter(waiting, 49)).toBe(false);
    expect(await settledAfter(waiting, 1)).toBe(true);
  });

  it('holds the listing of a folder the gate names until the gate is removed, and no other', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'acqmeta-gate-'));
    const gate = path.join(work, 'gate');
    try {
      writeFileSync(gate, 'many\n');
      vi.stubEnv('ACQMETA_READ_GATE', gate);
      let held = true;
      const many = beforeListing('/data/lab/many').then(() => {
        held = false;
      });
      await beforeListing('/data/lab/cells');
      await beforeListing('/data/lab/many-more');
      expect(held).toBe(true);
      rmSync(gate);
      await many;
      expect(held).toBe(false);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
