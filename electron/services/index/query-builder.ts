/**
 * Kysely as a query builder only: it compiles queries for an engine's dialect (parameters
 * apart from the text), and the engine runs them through its own driver.
 */
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { EngineKind } from './engine';
import type { IndexDatabase } from './schema';

/** A builder whose queries compile for `kind`'s SQL; it runs nothing itself. */
export function queryBuilder(kind: EngineKind): Kysely<IndexDatabase> {
  const sqlite = kind === 'sqlite';
  return new Kysely<IndexDatabase>({
    dialect: {
      createAdapter: () => (sqlite ? new SqliteAdapter() : new PostgresAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => (sqlite ? new SqliteIntrospector(db) : new PostgresIntrospector(db)),
      createQueryCompiler: () => (sqlite ? new SqliteQueryCompiler() : new PostgresQueryCompiler()),
    },
  });
}
