/**
 * What the index asks of a database engine: run a compiled query, run a batch in one
 * transaction. The queries are built once by Kysely for the engine's dialect; each engine
 * runs them through its own driver.
 */
import type { CompiledQuery } from 'kysely';

/** The engines an index can live in. */
export type EngineKind = 'sqlite' | 'postgres';

/** Runs one compiled query; resolves to its rows (none for a write). */
export type RunQuery = <R = Record<string, unknown>>(query: CompiledQuery | StatementText) => Promise<R[]>;

/** A statement as text and parameters (the shape of a compiled query). */
export interface StatementText {
  sql: string;
  parameters: readonly unknown[];
}

/** One open database. */
export interface Engine {
  readonly kind: EngineKind;
  /** Where the database lies, for messages: a file, or the server and database without a password. */
  readonly where: string;
  run: RunQuery;
  /** The rows of a query one by one, read as they are taken (SQLite's iterator, a PostgreSQL cursor), never the whole result at once. */
  stream<R>(query: StatementText): AsyncIterable<R>;
  /** Runs `work` in one transaction, all of it or nothing (SQLite's takes the write lock at its start, so writers queue). */
  inTransaction<T>(work: (run: RunQuery) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * A database refused: foreign, damaged, newer than this AcqMeta, or out of reach; nothing was
 * written. Recognised by its name rather than its class, since the engines are a bundle of their
 * own (engines-bundle.ts) with a copy of this class.
 */
export class IndexRefused extends Error {
  override name = 'IndexRefused';

  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'IndexRefused';
  }
}
