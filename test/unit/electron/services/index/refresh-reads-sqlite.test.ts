/**
 * What a refresh reads of the embedded index to compare each image's file facts: the facts'
 * own index, not the rows (whose records and rows fill nearly the whole file).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Engine, StatementText } from '../../../../../electron/services/index/engine';
import { createIndexStore } from '../../../../../electron/services/index/index-store';
import { queryBuilder } from '../../../../../electron/services/index/query-builder';
import { openSqlite } from '../../../../../electron/services/index/sqlite-engine';
import { facility, written } from './search-cases';

const dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-refresh-reads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the file facts a refresh compares, on SQLite', () => {
  it('are read from their own index, for a whole share and for a folder in it', async () => {
    const file = path.join(dir, 'index.sqlite');
    const images = facility();
    await written(file, images);
    const engine = openSqlite(file, false);
    const reads: StatementText[] = [];
    const recording: Engine = {
      ...engine,
      run: (query) => {
        reads.push(query);
        return engine.run(query);
      },
    };
    try {
      const store = createIndexStore(recording, queryBuilder('sqlite'));
      const share = images[0]!.share;
      const shareId = await store.shareId(share);
      const folder = images[0]!.write.path.split('/').slice(0, -1).join('/');
      const whole = await store.knownUnder(shareId, '');
      const inFolder = await store.knownUnder(shareId, folder);
      expect(whole.size).toBe(images.filter((i) => i.share === share).length);
      expect(inFolder.size).toBeGreaterThan(0);
      const plans: string[] = [];
      for (const read of reads.filter((r) => /"sidecar_ino"/.test(r.sql)))
        for (const step of await engine.run<{ detail: string }>({ ...read, sql: `explain query plan ${read.sql}` }))
          plans.push(step.detail);
      expect(plans).toEqual([
        'SEARCH images USING COVERING INDEX images_stamps (share_id=?)',
        'SEARCH images USING COVERING INDEX images_stamps (share_id=? AND path>? AND path<?)',
      ]);
    } finally {
      await engine.close();
    }
  });
});
