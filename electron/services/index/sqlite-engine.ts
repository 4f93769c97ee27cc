/**
 * The embedded engine: one SQLite file through better-sqlite3, in WAL mode so that the app and
 * the command line read and write it at once.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { IndexRefused, type Engine, type RunQuery, type StatementText } from './engine';

/** The page cache, in KiB: a million images' indexes are about 300 MB, the pages a search or refresh touches far fewer. */
const CACHE_KIB = 65_536;

/** How long a writer waits for another's transaction before it gives up. */
const BUSY_WAIT_MS = 60_000;

/** Statements kept prepared: the indexer's and a search's few, each prepared once. */
const KEPT_STATEMENTS = 64;

/** Whether an SQLite error says the file is not a database, or a damaged one. */
function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/** `error` as a refusal naming `file` when it says the file is damaged; else as it is. */
function named(file: string, error: unknown): unknown {
  if (!isDamage(error)) return error;
  return new IndexRefused(`${file}: not an SQLite database, or a damaged one (${(error as Error).message})`);
}

/** Opens the SQLite index at `file`; a writer (`create`) makes it, and its folder, when missing. */
export function openSqlite(file: string, create: boolean): Engine {
  if (create) mkdirSync(path.dirname(file), { recursive: true });
  else if (!existsSync(file)) throw new IndexRefused(`${file}: no index yet; acqmeta index makes it`);
  let db: Database.Database;
  try {
    db = new Database(file, { timeout: BUSY_WAIT_MS });
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // a commit waits for no sync: WAL keeps the file consistent through a crash, and a batch a power cut loses is read again by the next refresh
    db.pragma('synchronous = NORMAL');
    // the default 2 MB cache is outgrown by the indexes of a large index, which every batch writes into
    db.pragma(`cache_size = -${CACHE_KIB}`);
  } catch (error) {
    throw named(file, error);
  }
  // a batch's upsert is the same text batch after batch: prepared once, not per batch
  const prepared = new Map<string, Database.Statement>();
  const statementOf = (text: string): Database.Statement => {
    let statement = prepared.get(text);
    if (statement === undefined) {
      if (prepared.size >= KEPT_STATEMENTS) prepared.clear();
      prepared.set(text, (statement = db.prepare(text)));
    }
    return statement;
  };
  const run = (<R>(query: StatementText): R[] => {
    try {
      const statement = statementOf(query.sql);
      const parameters = query.parameters as unknown[];
      if (statement.reader) return statement.all(parameters) as R[];
      statement.run(parameters);
      return [];
    } catch (error) {
      throw named(file, error);
    }
  }) as <R>(query: StatementText) => R[];
  const runAsync: RunQuery = async (query) => run(query);
  async function* stream<R>(query: StatementText): AsyncGenerator<R> {
    try {
      yield* db.prepare(query.sql).iterate(query.parameters as unknown[]) as IterableIterator<R>;
    } catch (error) {
      throw named(file, error);
    }
  }
  return {
    kind: 'sqlite',
    where: file,
    run: runAsync,
    stream,
    async inTransaction(work) {
      run({ sql: 'begin immediate', parameters: [] });
      try {
        const result = await work(runAsync);
        run({ sql: 'commit', parameters: [] });
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('rollback');
        throw error;
      }
    },
    async close() {
      // a writer leaves the planner its statistics (a sample of each index, when missing or outgrown): without them a search narrows by the share, not by the value
      if (create) db.exec('pragma analysis_limit = 400; pragma optimize = 0x10002');
      db.close();
    },
  };
}
