/** A search of the index on the shared engine: a throwaway PostgreSQL server (see pg-cluster.ts). */
import { afterAll, beforeAll } from 'vitest';
import { startPgCluster, type PgCluster } from './pg-cluster';
import { searchCases } from './search-cases';

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
});
afterAll(() => cluster?.stop());

searchCases({ name: 'PostgreSQL', newDatabase: (label) => cluster.createDatabase(label) });
