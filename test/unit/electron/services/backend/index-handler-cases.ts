/**
 * The facility index from the app, the same cases for each engine: no index yet said so, the
 * open folder refreshed with progress, a search answered as `acqmeta find` answers it a page at
 * a time, and a refresh cancelled leaving the index whole and finished by the next one.
 */
import { copyFileSync, realpathSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../../../shared/api';
import { sidecarFolder } from '../../cli/gated-writers';
import { indexedImages } from '../index/index-db';
import { codeOf, startBackend, type Harness } from './backend-harness';

/** An engine the cases run on: a new empty database for each case, and how the backend is told of it. */
export interface HandlerEngine {
  name: string;
  /** The backend's settings folder and the `ACQMETA_DB` it runs with (undefined: the settings folder's index). */
  newIndex(label: string): Promise<{ configDir: string; db: string | undefined; url: string }>;
}

/** Runs the cases against `engine`. */
export function indexHandlerCases(engine: HandlerEngine): void {
  describe(`the index from the app on ${engine.name}`, () => {
    const cleanups: (() => Promise<void> | void)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0)) await cleanup();
      delete process.env.ACQMETA_DB;
    });

    /** A backend on a new index with a folder of `count` mouse images open. */
    const start = async (label: string, count: number) => {
      const index = await engine.newIndex(label);
      if (index.db === undefined) delete process.env.ACQMETA_DB;
      else process.env.ACQMETA_DB = index.db;
      const { root } = sidecarFolder(1, count);
      const h = await startBackend({ configDir: index.configDir });
      cleanups.push(async () => {
        await h.backend.close();
        rmSync(root, { recursive: true, force: true });
      });
      await h.ok('openFolder', { path: root });
      return { h, root: realpathSync(root), url: index.url };
    };

    const refresh = async (h: Harness, cancel = false) => {
      const { jobId } = await h.ok('startIndexRefresh', {});
      if (cancel) expect(await h.ok('cancelIndexRefresh', { jobId })).toEqual({ cancelled: true });
      const end = await h.waitFor((e) => 'jobId' in e && e.jobId === jobId && e.type !== 'index-refresh-progress');
      if (end.type !== 'index-refresh-done') throw new Error(`the refresh failed: ${JSON.stringify(end)}`);
      const progress = h.events.filter(
        (e): e is Extract<ApiEvent, { type: 'index-refresh-progress' }> =>
          e.type === 'index-refresh-progress' && e.jobId === jobId,
      );
      return { summary: end.summary, progress: progress.map((e) => e.done) };
    };

    it('says there is no index yet, then refreshes the folder and searches it a page at a time', async () => {
      const { h, root, url } = await start('search', 5);
      expect(await h.ok('getIndexStatus', {})).toMatchObject({ ready: false, refused: null, folder: null });
      expect(codeOf(await h.call('searchIndex', { filter: 'species:mouse', limit: 2 }))).toBe('NOT_FOUND');

      const { summary, progress } = await refresh(h);
      expect(summary).toMatchObject({ added: 5, updated: 0, forgotten: 0, unchanged: 0, cancelled: false });
      expect(progress.at(-1)).toBe(5);
      expect(summary.status.folder).toMatchObject({ share: root, path: '', images: 5 });
      expect(summary.status.folder?.refreshedAt).toEqual(expect.any(Number));
      expect((await indexedImages(url)).length).toBe(5);

      const first = await h.ok('searchIndex', { filter: 'species:mouse', limit: 2 });
      expect(first.total).toBe(5);
      expect(first.images.map((i) => [i.share, i.path, i.file])).toEqual([
        [root, 'animal-0/cell-000.tif', path.join(root, 'animal-0', 'cell-000.tif')],
        [root, 'animal-0/cell-001.tif', path.join(root, 'animal-0', 'cell-001.tif')],
      ]);
      expect(first.images[0]?.row.values.species).toBe('mouse');
      const rest = await h.ok('getSearchPage', { searchId: first.searchId, offset: 2, limit: 200 });
      expect(rest.images.map((i) => i.path)).toEqual([
        'animal-0/cell-002.tif',
        'animal-0/cell-003.tif',
        'animal-0/cell-004.tif',
      ]);
      const none = await h.ok('searchIndex', { filter: 'species:rat', limit: 200 });
      expect(none).toMatchObject({ total: 0, images: [] });
      expect(codeOf(await h.call('getSearchPage', { searchId: first.searchId, offset: 0, limit: 1 }))).toBe(
        'NOT_FOUND',
      );
    });

    it('a cancelled refresh leaves a whole index that the next refresh finishes', async () => {
      const { h, root, url } = await start('cancel', 4);
      await refresh(h);
      for (const name of ['cell-004.tif', 'cell-005.tif'])
        copyFileSync(path.join(root, 'animal-0', 'cell-000.tif'), path.join(root, 'animal-0', name));
      const cancelled = await refresh(h, true);
      expect(cancelled.summary).toMatchObject({ cancelled: true, forgotten: 0 });
      const kept = (await indexedImages(url)).map((i) => i.path);
      expect(kept.slice(0, 4)).toEqual([0, 1, 2, 3].map((i) => `animal-0/cell-00${i}.tif`));
      const again = await refresh(h);
      expect(again.summary).toMatchObject({ cancelled: false, forgotten: 0 });
      expect(again.summary.status.folder?.images).toBe(6);
      expect((await indexedImages(url)).length).toBe(6);
    });
  });
}

/** A new temporary settings folder. */
export const settingsFolder = (label: string): Promise<string> =>
  mkdtemp(path.join(tmpdir(), `acqmeta-index-app-${label}-`));
