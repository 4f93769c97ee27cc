/**
 * A save in the app (browser mode) updates the row of the image in the index in use at once,
 * and a save whose index cannot be reached stands, with a notice.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { sidecarFolder, storedValue } from '../../cli/gated-writers';
import { indexedImages } from '../index/index-db';
import { startBackend, type Harness } from './backend-harness';
import { settingsFolder } from './index-handler-cases';

describe("the app's saves in the index", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    delete process.env.ACQMETA_DB;
  });

  /** A backend with a settings folder of its own, on a folder of two mouse images. */
  const start = async (label: string): Promise<{ h: Harness; configDir: string; sidecars: string[] }> => {
    const configDir = await settingsFolder(label);
    const { root, sidecars } = sidecarFolder(1, 2);
    const h = await startBackend({ configDir });
    cleanups.push(async () => {
      await h.backend.close();
      rmSync(root, { recursive: true, force: true });
    });
    await h.ok('openFolder', { path: root });
    return { h, configDir, sidecars };
  };

  const save = async (h: Harness, species: string) => {
    const row = await h.ok('reloadRow', { path: 'animal-0/cell-001.tif' });
    const [outcome] = await h.ok('saveSidecars', {
      saves: [{ path: 'animal-0/cell-001.tif', changes: { species }, expected: row.version }],
    });
    expect(outcome).toMatchObject({ ok: true });
  };

  it('rebuilds the row of the image saved, without a refresh', async () => {
    const { h, configDir } = await start('own-save');
    const { jobId } = await h.ok('startIndexRefresh', {});
    await h.waitFor((e) => e.type === 'index-refresh-done' && e.jobId === jobId);
    await save(h, 'rat');
    expect((await indexedImages(`${configDir}/index.sqlite`)).map((i) => [i.path, i.species])).toEqual([
      ['animal-0/cell-000.tif', 'mouse'],
      ['animal-0/cell-001.tif', 'rat'],
    ]);
    expect(h.events.filter((e) => e.type === 'index-not-updated')).toEqual([]);
  });

  it('keeps the save when the index cannot be reached, and says so', async () => {
    const { h, sidecars } = await start('unreachable');
    // nothing listens on port 1
    process.env.ACQMETA_DB = 'postgresql://acqmeta@127.0.0.1:1/acqmeta';
    await save(h, 'rat');
    expect(storedValue(sidecars[1] as string, 'species')).toBe('rat');
    const notice = await h.waitFor((e) => e.type === 'index-not-updated');
    expect(notice).toMatchObject({
      message: expect.stringMatching(
        /^Saved, but the index was not updated \(postgresql:\/\/acqmeta@127\.0\.0\.1:1\/acqmeta: cannot connect/,
      ),
    });
  });
});
