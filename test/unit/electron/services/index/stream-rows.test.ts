/**
 * A search's rows are streamed on both engines: a result larger than one batch comes out whole
 * and in order, and the rows before a failing one are handed over before the failure, so the
 * whole result is never held at once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../../../electron/services/index/engine';
import { openPostgres, STREAM_BATCH } from '../../../../../electron/services/index/postgres-engine';
import { openSqlite } from '../../../../../electron/services/index/sqlite-engine';
import { startPgCluster, type PgCluster } from './pg-cluster';

/** More rows than one batch of the PostgreSQL cursor, and not a whole number of batches. */
const ROWS = 2 * STREAM_BATCH + 500;

/** The numbers 1 to `count` in order; the row `failAt` fails (a division by zero, an integer overflow). */
function numbers(kind: Engine['kind'], count: number, failAt = 0): { sql: string; parameters: unknown[] } {
  const failing =
    kind === 'postgres'
      ? `case when n = ${failAt} then 1 / (n - n) else n end`
      : `case when n = ${failAt} then abs(-9223372036854775807 - 1) else n end`;
  const series =
    kind === 'postgres'
      ? `select n::int as n from generate_series(1, $1::int) as n`
      : `with recursive s(n) as (select 1 union all select n + 1 from s where n < ?) select n from s`;
  return { sql: `select ${failing} as n from (${series}) as t`, parameters: [count] };
}

async function taken(
  engine: Engine,
  query: { sql: string; parameters: unknown[] },
): Promise<{ rows: number[]; error: unknown }> {
  const rows: number[] = [];
  try {
    for await (const row of engine.stream<{ n: number }>(query)) rows.push(Number(row.n));
    return { rows, error: null };
  } catch (error) {
    return { rows, error };
  }
}

function streamCases(name: string, open: () => Promise<Engine>): void {
  describe(`a search's rows on ${name}`, () => {
    it('come out whole and in order when they are more than one batch', async () => {
      const engine = await open();
      try {
        const { rows, error } = await taken(engine, numbers(engine.kind, ROWS));
        expect(error).toBeNull();
        expect(rows).toEqual(Array.from({ length: ROWS }, (_, i) => i + 1));
      } finally {
        await engine.close();
      }
    });

    it('are handed over before the rest are read', async () => {
      const engine = await open();
      try {
        const failAt = STREAM_BATCH + 10;
        const { rows, error } = await taken(engine, numbers(engine.kind, ROWS, failAt));
        expect(error).not.toBeNull();
        // a result received whole fails before its first row; a stream hands over at least a batch
        expect(rows.length).toBeGreaterThanOrEqual(STREAM_BATCH);
        expect(rows.slice(0, STREAM_BATCH)).toEqual(Array.from({ length: STREAM_BATCH }, (_, i) => i + 1));
        // the engine is still usable after a failed stream
        expect((await taken(engine, numbers(engine.kind, 3))).rows).toEqual([1, 2, 3]);
      } finally {
        await engine.close();
      }
    });
  });
}

let cluster: PgCluster;
const folder = mkdtempSync(path.join(tmpdir(), 'acqmeta-stream-'));
beforeAll(async () => {
  cluster = await startPgCluster();
});
afterAll(async () => {
  await cluster?.stop();
  rmSync(folder, { recursive: true, force: true });
});

let databases = 0;
streamCases('PostgreSQL', async () => openPostgres(await cluster.createDatabase(`stream${++databases}`)));
streamCases('SQLite', async () => openSqlite(path.join(folder, `stream${++databases}.sqlite`), true));
