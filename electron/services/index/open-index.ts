/**
 * Opens an index by its URL: the engine it names, its tables checked (an AcqMeta index, of a
 * version this AcqMeta knows), made or migrated when the caller writes. A damaged or foreign
 * database is refused before anything is written to it.
 */
import path from 'node:path';
import { sql } from 'kysely';
import { defaultConfigDir } from '../folder';
import { IndexRefused, type Engine, type RunQuery } from './engine';
import { createIndexStore, type IndexStore } from './index-store';
import { queryBuilder } from './query-builder';
import { refillColumns } from './refill-columns';
import { INDEX_FORMAT, MIGRATIONS } from './schema';

/** The embedded index's file name in the user's data folder. */
const DEFAULT_FILE = 'index.sqlite';

/** Serialises PostgreSQL clients that make or migrate the tables at once (any fixed number). */
const MIGRATION_LOCK = 0x61636d69;

/**
 * The index a command (or the app) uses: `given` (`--db`), else `ACQMETA_DB`, else `index.sqlite`
 * in the data folder the app keeps its settings in (`configDir`: the one a server was given).
 */
export function indexUrl(
  given: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  configDir: string = defaultConfigDir(env),
): string {
  if (given !== undefined && given !== '') return given;
  const chosen = env.ACQMETA_DB;
  if (chosen !== undefined && chosen !== '') return chosen;
  return path.join(configDir, DEFAULT_FILE);
}

/** The engine `url` names: `postgresql://…` (or `postgres://…`) a server, anything else an SQLite file. */
async function openEngine(url: string, cwd: string, write: boolean): Promise<Engine> {
  const { openPostgres, openSqlite } = await import('./engines-bundle');
  if (/^postgres(ql)?:\/\//i.test(url)) return openPostgres(url);
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(url) && !/^file:\/\//i.test(url))
    throw new IndexRefused(`${url}: not a database AcqMeta knows (a postgresql:// URL, or an SQLite file)`);
  const file = /^file:\/\//i.test(url) ? new URL(url).pathname : url;
  return openSqlite(path.resolve(cwd, file), write);
}

/** The tables of the database (the engine's own left out). */
async function tableNames(engine: Engine, run: RunQuery): Promise<string[]> {
  const rows = await run<{ name: string }>(
    engine.kind === 'sqlite'
      ? sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.compile(
          queryBuilder('sqlite'),
        )
      : sql`select table_name as name from information_schema.tables where table_schema = current_schema()`.compile(
          queryBuilder('postgres'),
        ),
  );
  return rows.map((r) => r.name);
}

/** The index's version; refuses a database that is not an (empty or) AcqMeta index. Null: an empty database. */
async function versionOf(engine: Engine, run: RunQuery): Promise<number | null> {
  const tables = await tableNames(engine, run);
  if (!tables.includes('acqmeta_index')) {
    if (tables.length === 0) return null;
    const names = tables.slice(0, 5).join(', ') + (tables.length > 5 ? ', …' : '');
    throw new IndexRefused(
      `${engine.where}: not an AcqMeta index (it holds other tables: ${names}); nothing was written`,
    );
  }
  const db = queryBuilder(engine.kind);
  const rows = await run<{ format: unknown; version: unknown }>(
    db.selectFrom('acqmeta_index').select(['format', 'version']).compile(),
  );
  const row = rows[0];
  if (rows.length !== 1 || row?.format !== INDEX_FORMAT || typeof row.version !== 'number')
    throw new IndexRefused(
      `${engine.where}: not an AcqMeta index (its acqmeta_index table is not one); nothing was written`,
    );
  if (row.version > MIGRATIONS.length)
    throw new IndexRefused(
      `${engine.where}: made by a newer AcqMeta (index version ${row.version}, this one knows up to ${MIGRATIONS.length}); nothing was written`,
    );
  return row.version;
}

/** Makes the tables, or brings them to this AcqMeta's version, in one transaction. */
async function migrate(engine: Engine): Promise<void> {
  const db = queryBuilder(engine.kind);
  await engine.inTransaction(async (run) => {
    if (engine.kind === 'postgres') await run(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.compile(db));
    // another process may have made or migrated the tables while this one waited for the lock
    let version = await versionOf(engine, run);
    if (version === null) {
      await run(
        db.schema
          .createTable('acqmeta_index')
          .addColumn('format', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .compile(),
      );
      await run(db.insertInto('acqmeta_index').values({ format: INDEX_FORMAT, version: 0 }).compile());
      version = 0;
    }
    const steps = MIGRATIONS.slice(version);
    for (const step of steps) for (const statement of step.statements(db, engine.kind)) await run(statement);
    // an empty index has no rows to fill
    if (version > 0 && steps.some((step) => step.refill)) await refillColumns(run, db);
    await run(db.updateTable('acqmeta_index').set({ version: MIGRATIONS.length }).compile());
  });
}

/**
 * Opens the index at `url` (see {@link indexUrl}; a relative file against `cwd`). A writer
 * (`write`) makes the tables of an empty database and migrates an older index; a reader
 * refuses both, as it refuses a damaged or foreign database, with a message naming it.
 */
export async function openIndex(url: string, { write, cwd }: { write: boolean; cwd: string }): Promise<IndexStore> {
  const engine = await openEngine(url, cwd, write);
  try {
    const version = await versionOf(engine, engine.run);
    if (version !== MIGRATIONS.length) {
      if (!write)
        throw new IndexRefused(
          `${engine.where}: ${version === null ? 'no index yet' : 'an index of an older AcqMeta'}; acqmeta index makes it ready`,
        );
      await migrate(engine);
    }
    return createIndexStore(engine, queryBuilder(engine.kind));
  } catch (error) {
    await engine.close();
    throw error;
  }
}
