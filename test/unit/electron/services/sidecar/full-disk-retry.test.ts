/**
 * A save that fails for want of room is tried again once the saves in flight have ended (their
 * temp copies then free the room they held); one that fails for another reason, or again, fails.
 */
import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../../../shared/errors';
import { ioFailure } from '../../../../../electron/services/sidecar/file-snapshot';
import { retriedWhenFull } from '../../../../../electron/services/sidecar/full-disk-retry';

const diskError = (code: string) => Object.assign(new Error(`${code}: no`), { code });
const full = () => ioFailure(diskError('ENOSPC'), 'a.tif.json could not be saved', 'a.tif');

/** A save in flight that ends when the test says. */
function held(): { save: Promise<string>; end: () => void } {
  let end = (): void => undefined;
  const save = retriedWhenFull(() => new Promise<string>((resolve) => (end = () => resolve('other saved'))));
  return { save, end };
}

describe('retriedWhenFull', () => {
  it('tries a save that found the disk full again once the saves in flight have ended', async () => {
    const other = held();
    const tries: string[] = [];
    const save = retriedWhenFull(async () => {
      tries.push(tries.length === 0 ? 'first' : 'again');
      if (tries.length === 1) throw full();
      return 'saved';
    });
    await new Promise(setImmediate);
    expect(tries).toEqual(['first']);
    other.end();
    expect(await save).toBe('saved');
    expect(tries).toEqual(['first', 'again']);
    expect(await other.save).toBe('other saved');
  });

  it('fails with the disk-full error when the second try finds no room either', async () => {
    const error = full();
    await expect(retriedWhenFull(() => Promise.reject(error))).rejects.toBe(error);
    await expect(retriedWhenFull(() => Promise.reject(diskError('EDQUOT')))).rejects.toThrow('EDQUOT');
  });

  it('does not try again a save that failed for another reason', async () => {
    let tries = 0;
    const refused = new ApiFailure('IO', 'a.tif.json could not be saved: permission denied', 'a.tif');
    await expect(
      retriedWhenFull(() => {
        tries += 1;
        return Promise.reject(refused);
      }),
    ).rejects.toBe(refused);
    expect(tries).toBe(1);
  });
});
