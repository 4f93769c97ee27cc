/**
 * A search of the index on the embedded engine, and the indexes SQLite reads it by: the rare
 * value's, not the common one's its sampled statistics rate higher; a catalogue name's and a
 * date's, not every row of the share.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Engine, StatementText } from '../../../../../electron/services/index/engine';
import { candidateImages } from '../../../../../electron/services/index/prefilter';
import { queryBuilder } from '../../../../../electron/services/index/query-builder';
import { openSqlite } from '../../../../../electron/services/index/sqlite-engine';
import { parseFilter } from '../../../../../shared/filter';
import { runSql } from './index-db';
import { facility, searchCases, written } from './search-cases';

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});
const newDatabase = async (label: string): Promise<string> => {
  const dir = mkdtempSync(path.join(tmpdir(), `acqmeta-search-${label}-`));
  temps.push(dir);
  return path.join(dir, 'index.sqlite');
};

searchCases({ name: 'SQLite', newDatabase });

/** The plans (`explain query plan` details) of the statements a search of `filter` runs to read its rows. */
async function readPlans(file: string, filter: string): Promise<string[]> {
  const engine = openSqlite(file, false);
  const reads: StatementText[] = [];
  const recording: Engine = {
    ...engine,
    run: (query) => {
      if (/\blimit\b/i.test(query.sql) && !/count\(\*\)/i.test(query.sql)) reads.push(query);
      return engine.run(query);
    },
    stream: (query) => {
      reads.push(query);
      return engine.stream(query);
    },
  };
  try {
    for await (const image of candidateImages(recording, queryBuilder('sqlite'), parseFilter(filter))) void image;
    const plans: string[] = [];
    for (const read of reads.filter((r) => /from "images"/.test(r.sql) && /"row"/.test(r.sql)))
      for (const step of await engine.run<{ detail: string }>({ ...read, sql: `explain query plan ${read.sql}` }))
        plans.push(step.detail);
    return plans;
  } finally {
    await engine.close();
  }
}

describe('the indexes a search on SQLite reads by', () => {
  it('narrows by the rarest term in the share, by a catalogue name and by a date, never walking a whole share', async () => {
    const file = await newDatabase('plans');
    await written(file, facility());
    // the statistics a writer's sampled `pragma optimize` left on a million images: the common species rated rarer than any genotype
    await runSql(
      file,
      [
        'analyze',
        'delete from sqlite_stat1',
        "insert into sqlite_stat1 values ('images', 'images_species', '1000000 267')",
        "insert into sqlite_stat1 values ('images', 'images_genotype', '1000000 401')",
        "insert into sqlite_stat1 values ('images', 'images_order', '1000000 401 1')",
      ].join(';\n'),
    );
    const rare = (await readPlans(file, 'species:mouse genotype:sst-cre')).join('\n');
    expect(rare).not.toMatch(/images_species/);
    // each share's rows of the value found by one seek, not among every share's
    expect(rare).toMatch(/images_genotype \(genotype=\? AND share_id=\?\)/);
    expect((await readPlans(file, 'instrument:ultima')).join('\n')).not.toMatch(/images_order/);
    expect((await readPlans(file, 'species:mouse acquired:<2019-03')).join('\n')).not.toMatch(/images_order/);
  });
});
