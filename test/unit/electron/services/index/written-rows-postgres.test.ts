/**
 * AcqMeta's own writes update a PostgreSQL index in use (a throwaway server, see pg-cluster.ts).
 */
import { afterAll, beforeAll } from 'vitest';
import { startPgCluster, type PgCluster } from './pg-cluster';
import { writtenRowsCases } from './written-rows-cases';

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
});
afterAll(() => cluster?.stop());

writtenRowsCases({ name: 'PostgreSQL', newDatabase: (label) => cluster.createDatabase(label) });
