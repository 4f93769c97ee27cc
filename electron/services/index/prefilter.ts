/**
 * A parsed filter's terms that the index's own columns can answer, as a condition with
 * parameters: it narrows the rows the database returns, and the filter language's exact test
 * (`rowMatcher`) then decides each of them, so the answer is the app's to the row. And the
 * search itself: share by share, in the app's order of paths, read by the plan that suits how
 * many rows the condition leaves.
 */
import { sql, type ExpressionBuilder, type Expression, type Kysely, type SqlBool } from 'kysely';
import { typedNumberSpan, type FilterQuery, type FilterTerm } from '../../../shared/filter';
import type { Engine, EngineKind, RunQuery } from './engine';
import type { IndexDatabase } from './schema';

/** Table columns (the filter's keys) kept as search text in an index column of the same name. */
const TEXT_COLUMNS: ReadonlySet<string> = new Set(['species', 'genotype', 'objective', 'instrument', 'sidecar']);

/** Number columns (the filter's keys) and the index column holding them. */
const NUMBER_COLUMNS: Readonly<Record<string, 'na' | 'pixel_size'>> = { na: 'na', physical_unit_x: 'pixel_size' };

/**
 * Distinct values of a column looked at, at most, to answer a `field:text` term by the values
 * that hold the text (one seek in the column's index each); a column with more is searched row
 * by row.
 */
const MOST_VALUES = 1000;

/**
 * Rows counted, at most, to choose a share's plan: fewer are read through their column's index
 * and sorted; more by walking the share's paths in order, so the first page comes at once.
 */
const FEW = 1000;

type Images = ExpressionBuilder<IndexDatabase, 'images'>;

/** An image a search reads: its row id, share, path in the share, record and row as JSON text (the store's `FoundImage`). */
interface CandidateImage {
  id: number;
  share: string;
  path: string;
  record: string;
  row: string;
}

/** The values each `field:text` term's column holds that contain its text; null: too many values to list. */
type HeldValues = ReadonlyMap<FilterTerm, readonly string[] | null>;

/** Whether `term` narrows by a text column's text (a term that also searches the catalogue's names is left to the exact test). */
function containsTerm(term: FilterTerm): boolean {
  return !term.negate && term.kind === 'contains' && term.also === undefined && TEXT_COLUMNS.has(term.column);
}

/**
 * The values of each `field:text` term's column that contain its text, read from the column's
 * index one distinct value at a time (a recursive query both engines run), so the condition is
 * an equality the index answers instead of a test of every row.
 */
async function heldValues(query: FilterQuery, run: RunQuery, db: Kysely<IndexDatabase>): Promise<HeldValues> {
  const held = new Map<FilterTerm, readonly string[] | null>();
  for (const term of query.terms) {
    if (!containsTerm(term)) continue;
    const { column: key, text } = term as { column: string; text: string };
    const column = sql.ref(key);
    const rows = await run<{ value: string }>(
      sql`with recursive v(value) as (select min(${column}) from images union all select (select min(${column}) from images where ${column} > v.value) from v where v.value is not null) select value from v where value is not null limit ${MOST_VALUES + 1}`.compile(
        db,
      ),
    );
    held.set(term, rows.length > MOST_VALUES ? null : rows.map((r) => r.value).filter((v) => v.includes(text)));
  }
  return held;
}

/**
 * Column `name` of `images` in a condition; while a share's paths are walked in order, kept out
 * of SQLite's choice of index (a unary `+`), which would otherwise narrow by it and sort every
 * row it leaves (PostgreSQL plans with the values themselves).
 */
function ref(eb: Images, name: 'species' | 'na' | 'pixel_size', kind: EngineKind, walk: boolean) {
  const column = eb.ref(`images.${name}`);
  return walk && kind === 'sqlite' ? sql<never>`+${column}` : column;
}

/**
 * The condition narrowing `images` to rows that may pass `query` (null: every row may). Only
 * terms that must hold are used: negated ones, words, dates and terms that also search the
 * catalogue's names are left to the exact test.
 */
function prefilter(
  query: FilterQuery,
  kind: EngineKind,
  held: HeldValues,
  walk: boolean,
): ((eb: Images) => Expression<SqlBool>) | null {
  const used = query.terms.filter(
    (term) =>
      !term.negate &&
      (containsTerm(term) ||
        (term.kind === 'equals' && term.also === undefined && TEXT_COLUMNS.has(term.column)) ||
        (term.kind === 'empty' && TEXT_COLUMNS.has(term.column)) ||
        (term.kind === 'compare' && NUMBER_COLUMNS[term.column] !== undefined)),
  );
  if (used.length === 0) return null;
  return (eb) =>
    eb.and(
      used.map((term): Expression<SqlBool> => {
        if (term.kind === 'compare') {
          const column = ref(eb, NUMBER_COLUMNS[term.column]!, kind, walk);
          const { first, last } = typedNumberSpan(term.value);
          // as spanPasses compares one recorded value with the typed number's span
          if (term.op === '>') return eb(column, '>', last);
          if (term.op === '>=') return eb(column, '>=', first);
          if (term.op === '<') return eb(column, '<', first);
          if (term.op === '<=') return eb(column, '<=', last);
          return eb.and([eb(column, '>=', first), eb(column, '<=', last)]);
        }
        const column = ref(eb, (term as { column: string }).column as 'species', kind, walk);
        if (term.kind === 'empty') return eb(column, 'is', null);
        if (term.kind === 'equals') return eb(column, '=', term.text);
        const values = held.get(term);
        if (values === null || values === undefined) {
          const text = (term as { text: string }).text;
          return kind === 'sqlite'
            ? sql<SqlBool>`instr(${column}, ${text}) > 0`
            : sql<SqlBool>`strpos(${column}, ${text}) > 0`;
        }
        return values.length === 0 ? sql<SqlBool>`1 = 0` : eb(column, 'in', [...values]);
      }),
    );
}

/**
 * The app's order of a share's paths, as the `images_order` index holds it (`walk`), or the same
 * order no index can give (a text the index does not hold), which makes the database narrow by
 * the condition's own index and sort the few rows it leaves.
 */
function pathOrder(kind: EngineKind, walk: boolean) {
  const inOrder = kind === 'sqlite' ? sql`replace(images.path, '/', char(1))` : sql`replace(images.path, '/', chr(1))`;
  const key = walk ? inOrder : sql`(${inOrder} || '')`;
  return kind === 'sqlite' ? key : sql`${key} collate "C"`;
}

/**
 * The images that may pass `query` (see {@link prefilter}), by share name, then in the app's
 * order of paths (folder by folder: `/` sorts before any character).
 */
export async function* candidateImages(
  engine: Engine,
  db: Kysely<IndexDatabase>,
  query: FilterQuery,
): AsyncGenerator<CandidateImage> {
  const held = await heldValues(query, engine.run, db);
  const where = prefilter(query, engine.kind, held, false);
  // byte order of the UTF-8 text (PostgreSQL: the C collation)
  const shareOrder = engine.kind === 'sqlite' ? sql`name` : sql`name collate "C"`;
  const shares = await engine.run<{ id: number; name: string }>(
    db.selectFrom('shares').select(['id', 'name']).orderBy(shareOrder).compile(),
  );
  for (const share of shares) {
    // SQLite: narrowed by the condition's index, not the share's paths (a unary `+`), when the rows are few
    const byValue = engine.kind === 'sqlite' ? sql<number>`+images.share_id` : sql<number>`images.share_id`;
    let images = db.selectFrom('images').where(byValue, '=', share.id);
    if (where !== null) images = images.where(where);
    let walk = where === null;
    if (!walk) {
      const counted = await engine.run<{ n: number | string }>(
        db
          .selectFrom(
            images
              .select(sql`1`.as('one'))
              .limit(FEW)
              .as('few'),
          )
          .select(sql<number>`count(*)`.as('n'))
          .compile(),
      );
      walk = Number(counted[0]?.n ?? 0) >= FEW;
    }
    const walked = walk ? prefilter(query, engine.kind, held, true) : where;
    let read = db.selectFrom('images').where(walk ? sql<number>`images.share_id` : byValue, '=', share.id);
    if (walked !== null) read = read.where(walked);
    const rows = read
      .select(['images.id', 'images.path', 'images.record', 'images.row'])
      .orderBy(pathOrder(engine.kind, walk))
      .compile();
    for await (const row of engine.stream<Omit<CandidateImage, 'share'>>(rows)) yield { ...row, share: share.name };
  }
}
