/**
 * A parsed filter's terms that the index's own columns can answer, as conditions with
 * parameters: they narrow the rows the database returns, and the filter language's exact test
 * (`rowMatcher`) then decides each of them, so the answer is the app's to the row. And the
 * search itself: share by share, in the app's order of paths, read by the plan that suits how
 * many rows the conditions leave.
 */
import { sql, type ExpressionBuilder, type Expression, type Kysely, type SqlBool } from 'kysely';
import { typedNumberSpan, type FilterQuery, type FilterTerm } from '../../../shared/filter';
import type { Engine, EngineKind, RunQuery } from './engine';
import type { ImageColumns, IndexDatabase } from './schema';

/** Table columns (the filter's keys) kept as search text in an index column of the same name. */
const TEXT_COLUMNS: ReadonlySet<string> = new Set([
  'species',
  'genotype',
  'objective',
  'acquired',
  'instrument',
  'sidecar',
  'catalogue_instrument',
  'catalogue_objective',
]);

/** Number columns (the filter's keys) and the index column holding them. */
const NUMBER_COLUMNS: Readonly<Record<string, 'na' | 'pixel_size'>> = { na: 'na', physical_unit_x: 'pixel_size' };

/** The date column whose days the index keeps (`acquired_first`, `acquired_last`). */
const DATE_COLUMN = 'acquired';

/**
 * Distinct values of a column looked at, at most, to answer a `field:text` term by the values
 * that hold the text (one seek in the column's index each); a column with more is searched row
 * by row.
 */
const MOST_VALUES = 1000;

/**
 * Rows counted, at most, to choose a share's plan: fewer are read through an index and sorted;
 * more by walking the share's paths in order, so the first page comes at once.
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

/** The values a column holds that contain a text, by column and text (`heldKey`); null: too many values to list. */
type HeldValues = ReadonlyMap<string, readonly string[] | null>;

function heldKey(column: string, text: string): string {
  return `${column}\u0000${text}`;
}

/** The index columns a `field:text` or `field:=text` term searches (its column, and the catalogue's name beside it); none when they are not all kept. */
function textColumns(term: FilterTerm): (keyof ImageColumns)[] {
  if (term.negate || (term.kind !== 'contains' && term.kind !== 'equals')) return [];
  const columns = term.also === undefined ? [term.column] : [term.column, term.also];
  return columns.every((column) => TEXT_COLUMNS.has(column)) ? (columns as (keyof ImageColumns)[]) : [];
}

/**
 * The values of each `field:text` term's columns that contain its text, read from the column's
 * index one distinct value at a time (a recursive query both engines run), so the condition is
 * an equality the index answers instead of a test of every row.
 */
async function heldValues(query: FilterQuery, run: RunQuery, db: Kysely<IndexDatabase>): Promise<HeldValues> {
  const held = new Map<string, readonly string[] | null>();
  for (const term of query.terms) {
    if (term.kind !== 'contains') continue;
    for (const key of textColumns(term)) {
      const column = sql.ref(key);
      const rows = await run<{ value: string }>(
        sql`with recursive v(value) as (select min(${column}) from images union all select (select min(${column}) from images where ${column} > v.value) from v where v.value is not null) select value from v where value is not null limit ${MOST_VALUES + 1}`.compile(
          db,
        ),
      );
      const values = rows.length > MOST_VALUES ? null : rows.map((r) => r.value).filter((v) => v.includes(term.text));
      held.set(heldKey(key, term.text), values);
    }
  }
  return held;
}

/**
 * One term's condition on `images`. `test(eb, indexed)`, with `indexed`: SQLite may read it
 * through its column's index; otherwise a unary `+` keeps the column out of SQLite's choice,
 * which trusts sampled statistics and so may narrow by a common value's index instead of a rare
 * one's (PostgreSQL plans with the values themselves, and is given the column as it is).
 * `seekable`: an index finds its rows (not a text searched row by row), so they can be counted.
 */
interface TermCondition {
  test: (eb: Images, indexed: boolean) => Expression<SqlBool>;
  seekable: boolean;
}

/** Column `name` of `images` in a condition (see {@link TermCondition}). */
function ref(eb: Images, name: keyof ImageColumns, kind: EngineKind, indexed: boolean) {
  const column = eb.ref(`images.${name}`);
  return !indexed && kind === 'sqlite' ? sql<never>`+${column}` : column;
}

/**
 * The conditions narrowing `images` to rows that may pass `query`, one a term (none: every row
 * may). Only terms that must hold are used: negated ones and words are left to the exact test.
 */
function termConditions(query: FilterQuery, kind: EngineKind, held: HeldValues): TermCondition[] {
  const conditions: TermCondition[] = [];
  for (const term of query.terms) {
    if (term.negate) continue;
    if (term.kind === 'compare' && NUMBER_COLUMNS[term.column] !== undefined) {
      const { first, last } = typedNumberSpan(term.value);
      conditions.push({
        seekable: true,
        test: (eb, indexed) => {
          const column = ref(eb, NUMBER_COLUMNS[term.column]!, kind, indexed);
          // as spanPasses compares one recorded value with the typed number's span
          if (term.op === '>') return eb(column, '>', last);
          if (term.op === '>=') return eb(column, '>=', first);
          if (term.op === '<') return eb(column, '<', first);
          if (term.op === '<=') return eb(column, '<=', last);
          return eb.and([eb(column, '>=', first), eb(column, '<=', last)]);
        },
      });
    } else if (term.kind === 'dates' && term.column === DATE_COLUMN) {
      const { first, last } = term.days;
      conditions.push({
        seekable: true,
        test: (eb, indexed) => {
          // as spanPasses compares the recorded date's days with the typed period's; the first day's range is what the index serves
          const from = ref(eb, 'acquired_first', kind, indexed);
          const until = ref(eb, 'acquired_last', kind, false);
          if (term.op === '>') return eb(from, '>', last);
          if (term.op === '>=') return eb(from, '>=', first);
          if (term.op === '<') return eb.and([eb(from, '<', first), eb(until, '<', first)]);
          if (term.op === '<=') return eb.and([eb(from, '<=', last), eb(until, '<=', last)]);
          return eb.and([eb(from, '>=', first), eb(from, '<=', last), eb(until, '<=', last)]);
        },
      });
    } else if (term.kind === 'empty' && TEXT_COLUMNS.has(term.column)) {
      conditions.push({
        seekable: true,
        test: (eb, indexed) => eb(ref(eb, term.column as 'species', kind, indexed), 'is', null),
      });
    } else if (term.kind === 'contains' || term.kind === 'equals') {
      const columns = textColumns(term);
      if (columns.length === 0) continue;
      const { text } = term;
      const listed = (key: string) => held.get(heldKey(key, text)) ?? null;
      conditions.push({
        seekable: term.kind === 'equals' || columns.every((key) => listed(key) !== null),
        test: (eb, indexed) =>
          eb.or(
            // a column holding none of the text is left out: SQLite reads an `or` through indexes only when each side has one
            (columns.some((key) => listed(key)?.length !== 0)
              ? columns.filter((key) => listed(key)?.length !== 0)
              : columns.slice(0, 1)
            ).map((key): Expression<SqlBool> => {
              const column = ref(eb, key, kind, indexed);
              if (term.kind === 'equals') return eb(column, '=', text);
              const values = listed(key);
              if (values === null)
                return kind === 'sqlite'
                  ? sql<SqlBool>`instr(${column}, ${text}) > 0`
                  : sql<SqlBool>`strpos(${column}, ${text}) > 0`;
              return values.length === 0 ? sql<SqlBool>`1 = 0` : eb(column, 'in', [...values]);
            }),
          ),
      });
    }
  }
  return conditions;
}

/** A path as the `images_order` index holds it: `/` made the lowest character. */
function pathKey(path: string): string {
  return path.replaceAll('/', '\u0001');
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

/** How a share is read: walking its paths in order, or through one condition's index (null: the planner's choice) and sorted. */
type SharePlan = { walk: true } | { walk: false; narrowest: TermCondition | null };

/**
 * The plan for share `shareId`: rows that may pass the seekable conditions are counted, up to
 * {@link FEW}; fewer are read through an index and sorted, more by walking the share's paths.
 * SQLite counts each condition on its own and reads by the narrowest; PostgreSQL counts them
 * together and plans the rest.
 */
async function sharePlan(
  engine: Engine,
  db: Kysely<IndexDatabase>,
  shareId: number,
  conditions: readonly TermCondition[],
): Promise<SharePlan> {
  const seekable = conditions.filter((condition) => condition.seekable);
  if (seekable.length === 0) return { walk: true };
  const count = async (where: (eb: Images) => Expression<SqlBool>): Promise<number> => {
    const few = db
      .selectFrom('images')
      .where((eb) => eb.and([eb('images.share_id', '=', shareId), where(eb)]))
      .select(sql`1`.as('one'))
      .limit(FEW)
      .as('few');
    const counted = await engine.run<{ n: number | string }>(
      db
        .selectFrom(few)
        .select(sql<number>`count(*)`.as('n'))
        .compile(),
    );
    return Number(counted[0]?.n ?? 0);
  };
  if (engine.kind === 'postgres') {
    const n = await count((eb) => eb.and(seekable.map((condition) => condition.test(eb, true))));
    return n >= FEW ? { walk: true } : { walk: false, narrowest: null };
  }
  const counts: number[] = [];
  for (const condition of seekable) counts.push(await count((eb) => condition.test(eb, true)));
  const least = Math.min(...counts);
  return least >= FEW ? { walk: true } : { walk: false, narrowest: seekable[counts.indexOf(least)]! };
}

/** Rows of a share's walk read at a time: the first a page of the app's results, so it comes at once; then more. */
const WALK_PAGES = [100, 1000] as const;

/**
 * The images that may pass `query` (see {@link termConditions}), by share name, then in the
 * app's order of paths (folder by folder: `/` sorts before any character). A share walked in
 * order is read a page at a time after the last path read (each page a seek in `images_order`,
 * and a limit that lets PostgreSQL choose that index rather than sort every row that passes).
 */
export async function* candidateImages(
  engine: Engine,
  db: Kysely<IndexDatabase>,
  query: FilterQuery,
): AsyncGenerator<CandidateImage> {
  const held = await heldValues(query, engine.run, db);
  const conditions = termConditions(query, engine.kind, held);
  // byte order of the UTF-8 text (PostgreSQL: the C collation)
  const shareOrder = engine.kind === 'sqlite' ? sql`name` : sql`name collate "C"`;
  const shares = await engine.run<{ id: number; name: string }>(
    db.selectFrom('shares').select(['id', 'name']).orderBy(shareOrder).compile(),
  );
  const columns = ['images.id', 'images.path', 'images.record', 'images.row'] as const;
  for (const share of shares) {
    const plan = await sharePlan(engine, db, share.id, conditions);
    if (!plan.walk) {
      const rows = db
        .selectFrom('images')
        .where((eb) =>
          eb.and([
            eb('images.share_id', '=', share.id),
            ...conditions.map((condition) =>
              condition.test(eb, plan.narrowest === null || plan.narrowest === condition),
            ),
          ]),
        )
        .select(columns)
        .orderBy(pathOrder(engine.kind, false))
        .compile();
      for await (const row of engine.stream<Omit<CandidateImage, 'share'>>(rows)) yield { ...row, share: share.name };
      continue;
    }
    let after: string | null = null;
    for (let page = 0; ; page++) {
      const size = WALK_PAGES[Math.min(page, WALK_PAGES.length - 1)]!;
      const last = after;
      const rows = await engine.run<Omit<CandidateImage, 'share'>>(
        db
          .selectFrom('images')
          .where((eb) =>
            eb.and([
              eb('images.share_id', '=', share.id),
              ...conditions.map((condition) => condition.test(eb, false)),
              ...(last === null ? [] : [eb(pathOrder(engine.kind, true), '>', last)]),
            ]),
          )
          .select(columns)
          .orderBy(pathOrder(engine.kind, true))
          .limit(size)
          .compile(),
      );
      for (const row of rows) yield { ...row, share: share.name };
      if (rows.length < size) break;
      after = pathKey(rows[rows.length - 1]!.path);
    }
  }
}
