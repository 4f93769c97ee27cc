/**
 * The index's reads and writes: shares, the images known under a folder, batches of images
 * upserted on share and path in one transaction each, images forgotten.
 */
import type { Insertable, Kysely } from 'kysely';
import type { FilterQuery } from '../../../shared/filter';
import type { FileStamp } from '../disk';
import type { Engine, EngineKind, RunQuery, StatementText } from './engine';
import { candidateImages } from './prefilter';
import type { ImageColumns, ImagesTable, IndexDatabase } from './schema';

/** The columns that place an image and hold the file facts it was read with. */
const STAMP_COLUMNS = ['path', 'size', 'mtime_ms', 'ino', 'sidecar_size', 'sidecar_mtime_ms', 'sidecar_ino'] as const;
type StampColumn = (typeof STAMP_COLUMNS)[number];

/** An image as the index knows it: its row id and the file facts it was read with. */
export interface KnownImage {
  id: number;
  image: FileStamp;
  /** Null: it had no sidecar. */
  sidecar: FileStamp | null;
}

/** One image to write: where it lies in its share, its file facts, its record and its filtered values. */
export interface ImageWrite {
  path: string;
  image: FileStamp;
  sidecar: FileStamp | null;
  /** The `scan --json` record, as JSON text. */
  record: string;
  /** The row as the app's table holds it, as JSON text. */
  row: string;
  columns: ImageColumns;
}

/** An image found by a search: its share, its path in the share, its record and row as JSON text. */
export interface FoundImage {
  share: string;
  path: string;
  record: string;
  row: string;
}

/** An open index. */
export interface IndexStore {
  readonly kind: EngineKind;
  /** Where it lies, for messages. */
  readonly where: string;
  /** Runs the room's other queries (a search's pages, a folder's freshness), built by `db`. */
  readonly queries: { run: RunQuery; db: Kysely<IndexDatabase> };
  /** The id of the share named `name`, made when new. */
  shareId(name: string): Promise<number>;
  /** The names of every share. */
  shareNames(): Promise<string[]>;
  /** The images of share `shareId` at `folder` or under it (`''`: the whole share), by path. */
  knownUnder(shareId: number, folder: string): Promise<Map<string, KnownImage>>;
  /** Adds or replaces `images` of share `shareId` in one transaction. */
  write(shareId: number, images: readonly ImageWrite[]): Promise<void>;
  /** Forgets the images of these row ids. */
  forget(ids: readonly number[]): Promise<void>;
  /** Notes that `folder` of share `shareId` was walked whole just now. */
  folderDone(shareId: number, folder: string): Promise<void>;
  /**
   * The images that may pass `query`, narrowed by the columns it names, by share name, then
   * in the app's order of paths (folder by folder: `/` sorts before any character).
   */
  candidates(query: FilterQuery): AsyncIterable<FoundImage>;
  close(): Promise<void>;
}

/**
 * Images a writer writes, at least, before it leaves PostgreSQL fresh statistics as it closes
 * (`analyze`): after a first index or a large refresh the planner would otherwise guess at the
 * values until autovacuum comes by, and sort every row of a common one.
 */
const ANALYZE_AFTER = 1000;

/** Rows a statement deletes or inserts at most, below either engine's limit on parameters. */
const ROWS_PER_STATEMENT = 200;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) out.push(items.slice(i, i + ROWS_PER_STATEMENT));
  return out;
}

/** An image's values as its row in `images` holds them, in the columns' order. */
function imageValues(shareId: number, image: ImageWrite, now: number): Insertable<ImagesTable> {
  return {
    share_id: shareId,
    path: image.path,
    size: image.image.size,
    mtime_ms: image.image.mtimeMs,
    ino: image.image.ino,
    sidecar_size: image.sidecar?.size ?? null,
    sidecar_mtime_ms: image.sidecar?.mtimeMs ?? null,
    sidecar_ino: image.sidecar?.ino ?? null,
    record: image.record,
    row: image.row,
    ...image.columns,
    indexed_at: now,
  };
}

/** The upsert of images on share and path: each column but the share and path replaced. */
function upsertStatement(db: Kysely<IndexDatabase>, values: readonly Insertable<ImagesTable>[]): StatementText {
  return db
    .insertInto('images')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['share_id', 'path']).doUpdateSet((eb) => ({
        size: eb.ref('excluded.size'),
        mtime_ms: eb.ref('excluded.mtime_ms'),
        ino: eb.ref('excluded.ino'),
        sidecar_size: eb.ref('excluded.sidecar_size'),
        sidecar_mtime_ms: eb.ref('excluded.sidecar_mtime_ms'),
        sidecar_ino: eb.ref('excluded.sidecar_ino'),
        record: eb.ref('excluded.record'),
        row: eb.ref('excluded.row'),
        species: eb.ref('excluded.species'),
        genotype: eb.ref('excluded.genotype'),
        objective: eb.ref('excluded.objective'),
        na: eb.ref('excluded.na'),
        acquired: eb.ref('excluded.acquired'),
        instrument: eb.ref('excluded.instrument'),
        sidecar: eb.ref('excluded.sidecar'),
        pixel_size: eb.ref('excluded.pixel_size'),
        catalogue_instrument: eb.ref('excluded.catalogue_instrument'),
        catalogue_objective: eb.ref('excluded.catalogue_objective'),
        acquired_first: eb.ref('excluded.acquired_first'),
        acquired_last: eb.ref('excluded.acquired_last'),
        indexed_at: eb.ref('excluded.indexed_at'),
      })),
    )
    .compile();
}

/** The store over an open and checked `engine`, with queries compiled by `db`. */
export function createIndexStore(engine: Engine, db: Kysely<IndexDatabase>): IndexStore {
  const { run } = engine;
  let written = 0;
  // the text of an upsert of n images, built once per n: building it anew for each statement cost more than running it
  const upserts = new Map<number, string>();
  const upsertOf = (values: readonly Insertable<ImagesTable>[]): StatementText => {
    let text = upserts.get(values.length);
    if (text === undefined) upserts.set(values.length, (text = upsertStatement(db, values).sql));
    return { sql: text, parameters: values.flatMap((v) => Object.values(v)) };
  };
  return {
    kind: engine.kind,
    where: engine.where,
    queries: { run, db },
    async shareId(name) {
      await run(
        db
          .insertInto('shares')
          .values({ name })
          .onConflict((oc) => oc.column('name').doNothing())
          .compile(),
      );
      const rows = await run<{ id: number }>(db.selectFrom('shares').select('id').where('name', '=', name).compile());
      return (rows[0] as { id: number }).id;
    },
    async shareNames() {
      const rows = await run<{ name: string }>(db.selectFrom('shares').select('name').orderBy('name').compile());
      return rows.map((r) => r.name);
    },
    async knownUnder(shareId, folder) {
      let query = db
        .selectFrom('images')
        .select(['id', ...STAMP_COLUMNS])
        .where('share_id', '=', shareId);
      // '/' + 1 is '0': the paths under folder/ sort between the two, and the unique index finds them
      if (folder !== '') query = query.where('path', '>', `${folder}/`).where('path', '<', `${folder}0`);
      const rows = await run<Pick<ImagesTable, StampColumn> & { id: number }>(query.compile());
      const known = new Map<string, KnownImage>();
      for (const r of rows) {
        const sidecar =
          r.sidecar_size === null
            ? null
            : { size: r.sidecar_size, mtimeMs: Number(r.sidecar_mtime_ms), ino: Number(r.sidecar_ino) };
        known.set(r.path, { id: r.id, image: { size: r.size, mtimeMs: r.mtime_ms, ino: r.ino }, sidecar });
      }
      return known;
    },
    async write(shareId, images) {
      if (images.length === 0) return;
      const now = Date.now();
      await engine.inTransaction(async (tx) => {
        for (const part of chunks(images)) await tx(upsertOf(part.map((image) => imageValues(shareId, image, now))));
      });
      written += images.length;
    },
    async forget(ids) {
      if (ids.length === 0) return;
      await engine.inTransaction(async (tx) => {
        for (const part of chunks(ids)) await tx(db.deleteFrom('images').where('id', 'in', part).compile());
      });
    },
    async folderDone(shareId, folder) {
      await run(
        db
          .insertInto('folders')
          .values({ share_id: shareId, path: folder, indexed_at: Date.now() })
          .onConflict((oc) =>
            oc.columns(['share_id', 'path']).doUpdateSet((eb) => ({ indexed_at: eb.ref('excluded.indexed_at') })),
          )
          .compile(),
      );
    },
    candidates: (query) => candidateImages(engine, db, query),
    async close() {
      if (engine.kind === 'postgres' && written >= ANALYZE_AFTER) await run({ sql: 'analyze images', parameters: [] });
      await engine.close();
    },
  };
}
