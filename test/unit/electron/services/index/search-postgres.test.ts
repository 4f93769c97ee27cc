/**
 * A search of the index on the shared engine: a throwaway PostgreSQL server (see pg-cluster.ts);
 * and the statistics a large write leaves its planner.
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPgCluster, type PgCluster } from './pg-cluster';
import { facility, searchCases, written } from './search-cases';

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
});
afterAll(() => cluster?.stop());

searchCases({ name: 'PostgreSQL', newDatabase: (label) => cluster.createDatabase(label) });

it('leaves the planner statistics of the images a large write added', async () => {
  const url = await cluster.createDatabase('analysed');
  const images = facility();
  await written(url, images);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // the rows the planner believes the table holds: -1 (never counted) until an analyze
    const { rows } = await client.query("select reltuples from pg_class where relname = 'images'");
    expect(Number(rows[0].reltuples)).toBe(images.length);
  } finally {
    await client.end();
  }
});
