/**
 * The shared engine: a PostgreSQL database through `pg`, which many workstations index into
 * and search at once.
 */
import pg from 'pg';
import Cursor from 'pg-cursor';
import { IndexRefused, type Engine, type RunQuery } from './engine';

/** Transactions PostgreSQL ends to break a deadlock or a serialization conflict are run again, this many times at most. */
const TRIES = 5;

/** SQLSTATEs of a transaction worth running again: deadlock, serialization failure. */
const RETRY_STATES: ReadonlySet<string> = new Set(['40P01', '40001']);

/** Rows a search takes from the server at a time: memory holds one batch, whatever the result's size. */
export const STREAM_BATCH = 1000;

/** 64-bit integers (sizes, inodes, ids) as numbers: the files' sizes stay below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** `url` without its password, for messages. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

/** Connects to the PostgreSQL database at `url` (`postgresql://user@host:port/db`). */
export async function openPostgres(url: string): Promise<Engine> {
  const where = shownUrl(url);
  const client = new pg.Client({ connectionString: url, types });
  // an idle connection the server drops is reported here rather than as an unhandled 'error'
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new IndexRefused(`${where}: cannot connect (${(error as Error).message})`);
  }
  const run: RunQuery = async <R>(query: { sql: string; parameters: readonly unknown[] }) =>
    (await client.query(query.sql, query.parameters as unknown[])).rows as R[];
  return {
    kind: 'postgres',
    where,
    run,
    async *stream<R>(query: { sql: string; parameters: readonly unknown[] }) {
      const cursor = client.query(new Cursor<R>(query.sql, query.parameters as unknown[], { types }));
      try {
        for (;;) {
          const rows = await cursor.read(STREAM_BATCH);
          if (rows.length === 0) return;
          yield* rows;
        }
      } finally {
        await cursor.close();
      }
    },
    async inTransaction(work) {
      for (let tries = 1; ; tries++) {
        await client.query('begin');
        try {
          const result = await work(run);
          await client.query('commit');
          return result;
        } catch (error) {
          await client.query('rollback').catch(() => undefined);
          const state = (error as { code?: string }).code ?? '';
          if (tries >= TRIES || !RETRY_STATES.has(state)) throw error;
        }
      }
    },
    close: () => client.end(),
  };
}
