/**
 * `acqmeta index` on the shared engine: a throwaway PostgreSQL server (see pg-cluster.ts), one
 * new database per case. PostgreSQL missing fails here, saying how to install it.
 */
import { afterAll, beforeAll } from 'vitest';
import { indexCases } from './index-cases';
import { startPgCluster, type PgCluster } from './pg-cluster';

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
});
afterAll(() => cluster?.stop());

indexCases({ name: 'PostgreSQL', newDatabase: (label) => cluster.createDatabase(label) });
