/**
 * The index's tables as the query builder knows them, and the migrations that make them: one
 * list of steps for both engines, each step a version. The version table names the format too,
 * so a database that is not an AcqMeta index is told apart from an empty one.
 */
import type { Generated, Kysely } from 'kysely';

/** What `acqmeta_index.format` holds in an AcqMeta index. */
export const INDEX_FORMAT = 'acqmeta-index';

/** The one-row table that says what the database is and which migrations it has had. */
export interface IndexMetaTable {
  format: string;
  version: number;
}

/** A named share: the same files, mounted at different points on different machines. */
export interface SharesTable {
  id: Generated<number>;
  name: string;
}

/** A folder indexed as a whole, with when its last complete walk ended (ms since 1970). */
export interface FoldersTable {
  share_id: number;
  path: string;
  indexed_at: number;
}

/** The values the index keeps in columns of their own, to filter on: texts as the filter searches them (lower case, `×` as `x`; null when empty), numbers as the table holds them. */
export interface ImageColumns {
  species: string | null;
  genotype: string | null;
  objective: string | null;
  na: number | null;
  acquired: string | null;
  instrument: string | null;
  sidecar: string;
  pixel_size: number | null;
  /** The names matched in the lab's catalogue, searched beside the recorded instrument and objective. */
  catalogue_instrument: string | null;
  catalogue_objective: string | null;
  /** The acquired date's first and last day as `YYYYMMDD` numbers, as the filter compares dates; null when it reads as none. */
  acquired_first: number | null;
  acquired_last: number | null;
}

/** One image: where it lies, the file facts it was read with, the `scan --json` record and the row, the filtered values. */
export interface ImagesTable extends ImageColumns {
  id: Generated<number>;
  share_id: number;
  path: string;
  size: number;
  mtime_ms: number;
  ino: number;
  sidecar_size: number | null;
  sidecar_mtime_ms: number | null;
  sidecar_ino: number | null;
  record: string;
  /** The row as the app's table holds it, as JSON: what the filter language tests. */
  row: string;
  indexed_at: number;
}

/** The database as the query builder types it. */
export interface IndexDatabase {
  acqmeta_index: IndexMetaTable;
  shares: SharesTable;
  folders: FoldersTable;
  images: ImagesTable;
}

/** The columns of the commonly filtered values, each with an index of its own. */
export const FILTERED_COLUMNS = [
  'species',
  'genotype',
  'objective',
  'na',
  'acquired',
  'instrument',
  'sidecar',
  'pixel_size',
] as const;

/** The statements that bring version `n - 1` to `n` (list position + 1). */
type MigrationStatements = (
  db: Kysely<IndexDatabase>,
  engine: 'sqlite' | 'postgres',
) => { sql: string; parameters: readonly unknown[] }[];

/** One migration: its statements, and whether every image's searched columns are then worked out again from its row (`refill`: new ones to fill). */
export interface Migration {
  statements: MigrationStatements;
  refill: boolean;
}

const FIRST: MigrationStatements = (db, engine) => {
  // an SQLite integer primary key is the row id; PostgreSQL numbers its own
  const id = engine === 'sqlite' ? 'integer' : 'bigserial';
  // inodes and sizes pass 2^31; file times are fractional milliseconds
  const big = engine === 'sqlite' ? 'integer' : 'bigint';
  const real = engine === 'sqlite' ? 'real' : 'double precision';
  const images = db.schema
    .createTable('images')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('share_id', big, (c) => c.notNull().references('shares.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('size', big, (c) => c.notNull())
    .addColumn('mtime_ms', real, (c) => c.notNull())
    .addColumn('ino', real, (c) => c.notNull())
    .addColumn('sidecar_size', big)
    .addColumn('sidecar_mtime_ms', real)
    .addColumn('sidecar_ino', real)
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('row', 'text', (c) => c.notNull())
    .addColumn('species', 'text')
    .addColumn('genotype', 'text')
    .addColumn('objective', 'text')
    .addColumn('na', real)
    .addColumn('acquired', 'text')
    .addColumn('instrument', 'text')
    .addColumn('sidecar', 'text', (c) => c.notNull())
    .addColumn('pixel_size', real)
    .addColumn('indexed_at', big, (c) => c.notNull())
    .addUniqueConstraint('images_share_path', ['share_id', 'path']);
  return [
    db.schema
      .createTable('shares')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .compile(),
    db.schema
      .createTable('folders')
      .addColumn('share_id', big, (c) => c.notNull().references('shares.id'))
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('indexed_at', big, (c) => c.notNull())
      .addPrimaryKeyConstraint('folders_key', ['share_id', 'path'])
      .compile(),
    images.compile(),
    ...FILTERED_COLUMNS.map((column) =>
      db.schema.createIndex(`images_${column}`).on('images').column(column).compile(),
    ),
  ];
};

/**
 * The app's order of a share's paths as an index (`/` made the lowest character, PostgreSQL's
 * text in byte order): a search walks it in order instead of sorting every row it passes, so
 * its first page of a common value comes at once. `candidates` orders by the same expression.
 */
const PATH_ORDER: MigrationStatements = (_db, engine) => [
  {
    sql:
      engine === 'sqlite'
        ? "create index images_order on images (share_id, replace(path, '/', char(1)))"
        : `create index images_order on images (share_id, (replace(path, '/', chr(1)) collate "C"))`,
    parameters: [],
  },
];

/**
 * The columns a search of `instrument:` and `objective:` (the catalogue's names beside the
 * recorded ones) and of dates (`acquired:2025-03`) narrows by, each with an index (the last day
 * is tested beside the first, not sought); filled from each image's row.
 */
const TWINS_AND_DAYS: MigrationStatements = (db, engine) => {
  const real = engine === 'sqlite' ? 'real' : 'double precision';
  const columns = [
    ['catalogue_instrument', 'text'],
    ['catalogue_objective', 'text'],
    ['acquired_first', real],
    ['acquired_last', real],
  ] as const;
  return [
    ...columns.map(([name, type]) => db.schema.alterTable('images').addColumn(name, type).compile()),
    ...['catalogue_instrument', 'catalogue_objective', 'acquired_first'].map((column) =>
      db.schema.createIndex(`images_${column}`).on('images').column(column).compile(),
    ),
  ];
};

/**
 * Each searched column's index made `(column, share_id)`: a search counts and reads a share's
 * rows of a value by one seek, where the column alone made it step over every other share's
 * rows of the value first (half a million mice before the last share's).
 */
const BY_SHARE: MigrationStatements = (db) =>
  [...FILTERED_COLUMNS, 'catalogue_instrument', 'catalogue_objective', 'acquired_first'].flatMap((column) => [
    db.schema.dropIndex(`images_${column}`).compile(),
    db.schema.createIndex(`images_${column}`).on('images').columns([column, 'share_id']).compile(),
  ]);

/**
 * The file facts of a share's images by path, in an index of their own: a refresh compares
 * every image's, and read from the table they cost every page of every row (the records and
 * rows, nearly the whole file); read from here, a few pages.
 */
const STAMPS: MigrationStatements = (_db, engine) => [
  {
    sql:
      engine === 'sqlite'
        ? 'create index images_stamps on images (share_id, path, size, mtime_ms, ino, sidecar_size, sidecar_mtime_ms, sidecar_ino)'
        : 'create index images_stamps on images (share_id, path) include (size, mtime_ms, ino, sidecar_size, sidecar_mtime_ms, sidecar_ino)',
    parameters: [],
  },
];

/** Every migration, oldest first: the index's version is their count. */
export const MIGRATIONS: readonly Migration[] = [
  { statements: FIRST, refill: false },
  { statements: PATH_ORDER, refill: false },
  { statements: TWINS_AND_DAYS, refill: true },
  { statements: BY_SHARE, refill: false },
  { statements: STAMPS, refill: false },
];
