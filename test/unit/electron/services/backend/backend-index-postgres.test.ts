/** The facility index from the app on the shared engine: a throwaway PostgreSQL server named by ACQMETA_DB. */
import { afterAll, beforeAll } from 'vitest';
import { startPgCluster, type PgCluster } from '../index/pg-cluster';
import { indexHandlerCases, settingsFolder } from './index-handler-cases';

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
});
afterAll(() => cluster?.stop());

indexHandlerCases({
  name: 'PostgreSQL',
  async newIndex(label) {
    const url = await cluster.createDatabase(label);
    return { configDir: await settingsFolder(label), db: url, url };
  },
});
