/**
 * Test helper: what an index holds, read straight from its database (SQLite file or
 * PostgreSQL URL), and a built `acqmeta` that finds better-sqlite3 from its temporary folder.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

/** One image as the index holds it. */
export interface IndexedImage {
  share: string;
  path: string;
  species: string | null;
  /** The stored `scan --json` record, parsed. */
  record: Record<string, unknown>;
}

const QUERY = `select s.name as share, i.path, i.species, i.record from images i join shares s on s.id = i.share_id order by s.name, i.path`;

/** Every image of the index at `url`, by share and path. */
export async function indexedImages(url: string): Promise<IndexedImage[]> {
  let rows: { share: string; path: string; species: string | null; record: string }[];
  if (url.startsWith('postgresql://')) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      rows = (await client.query(QUERY)).rows;
    } finally {
      await client.end();
    }
  } else {
    const db = new Database(url, { readonly: true });
    try {
      rows = db.prepare(QUERY).all() as typeof rows;
    } finally {
      db.close();
    }
  }
  return rows.map((r) => ({ share: r.share, path: r.path, species: r.species, record: JSON.parse(r.record) }));
}

/** The names of the indexes of the `images` table at `url`. */
export async function indexNames(url: string): Promise<string[]> {
  const text = url.startsWith('postgresql://')
    ? "select indexname as name from pg_indexes where tablename = 'images'"
    : "select name from sqlite_master where type = 'index' and tbl_name = 'images'";
  if (url.startsWith('postgresql://')) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return (await client.query(text).finally(() => client.end())).rows.map((r: { name: string }) => r.name);
  }
  const db = new Database(url, { readonly: true });
  try {
    return (db.prepare(text).all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

/** Runs SQL on the database at `url` (to make a foreign or newer one). */
export async function runSql(url: string, text: string): Promise<void> {
  if (url.startsWith('postgresql://')) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(text).finally(() => client.end());
    return;
  }
  const db = new Database(url);
  db.exec(text);
  db.close();
}

/** Makes the index at `url` one of schema `version` (1 or 2): the columns and indexes of schemas 3 and 5 dropped (and, for 1, the paths' order index). */
export async function asVersion(url: string, version: 1 | 2): Promise<void> {
  const statements = [
    ...(version === 1 ? ['drop index images_order'] : []),
    'drop index images_stamps',
    'drop index images_catalogue_instrument',
    'drop index images_catalogue_objective',
    'drop index images_acquired_first',
    'alter table images drop column catalogue_instrument',
    'alter table images drop column catalogue_objective',
    'alter table images drop column acquired_first',
    'alter table images drop column acquired_last',
    `update acqmeta_index set version = ${version}`,
  ];
  await runSql(url, statements.join(';\n'));
}

/** The environment a bundled `acqmeta` in a temporary folder needs to load better-sqlite3 (a native module, left out of the bundle). */
export const NATIVE_MODULES = { NODE_PATH: path.resolve(__dirname, '../../../../../node_modules') };
