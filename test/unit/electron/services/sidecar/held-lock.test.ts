/**
 * A save run under the image's lock its caller already holds (`heldLock`, as calibrate saves
 * the sidecar and writes the header under one hold): it writes without taking the lock again,
 * which would wait for the caller's own task forever; a lock that is not the running one of that
 * image's sidecar is refused, and nothing is written.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveFieldChanges, withSidecarLock, type HeldSidecarLock } from '../../../../../electron/services/sidecar';
import { fixtureText } from '../../../shared/sidecar/fixture-text';
import { copyFixture, imageFolder } from './temp-folder';

/** A CloudScope sidecar next to a new image. */
function canonical(): { dir: string; image: string; sidecar: string } {
  const paths = imageFolder();
  copyFixture('canonical.tif.json', paths.sidecar);
  return paths;
}

describe('a save under a lock its caller holds', () => {
  it('writes under that lock, the lock folder kept until the caller lets go', async () => {
    const { dir, image, sidecar } = canonical();
    const lock = path.join(dir, '.acqmeta-lock');
    const seen = await withSidecarLock(image, true, async (heldLock) => {
      const saved = await saveFieldChanges(image, { depth: 120 }, { expected: 'latest', heldLock });
      return { changed: saved.changed, lockThere: existsSync(lock) };
    });
    expect(seen).toEqual({ changed: true, lockThere: true });
    expect(readFileSync(sidecar, 'utf8')).toContain('"depth": 120.0,');
    expect(existsSync(lock)).toBe(false);
  }, 5000);

  it("refuses another image's lock, or one whose task has ended, writing nothing", async () => {
    const { image, sidecar } = canonical();
    const other = imageFolder();
    let ended: HeldSidecarLock | undefined;
    await withSidecarLock(image, true, async (held) => {
      ended = held;
      await expect(
        saveFieldChanges(other.image, { depth: 120 }, { expected: 'latest', heldLock: held }),
      ).rejects.toThrow(/not the running lock/);
    });
    await expect(
      saveFieldChanges(image, { depth: 120 }, { expected: 'latest', heldLock: ended as HeldSidecarLock }),
    ).rejects.toThrow(/not the running lock/);
    expect(readFileSync(sidecar, 'utf8')).toBe(fixtureText('canonical.tif.json'));
  }, 5000);
});
