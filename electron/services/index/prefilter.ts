/**
 * A parsed filter's terms that the index's own columns can answer, as a condition with
 * parameters: it narrows the rows the database returns, and the filter language's exact test
 * (`rowMatcher`) then decides each of them, so the answer is the app's to the row.
 */
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import { typedNumberSpan, type FilterQuery } from '../../../shared/filter';
import type { EngineKind } from './engine';
import type { IndexDatabase } from './schema';

/** Table columns (the filter's keys) kept as search text in an index column of the same name. */
const TEXT_COLUMNS: ReadonlySet<string> = new Set(['species', 'genotype', 'objective', 'instrument', 'sidecar']);

/** Number columns (the filter's keys) and the index column holding them. */
const NUMBER_COLUMNS: Readonly<Record<string, 'na' | 'pixel_size'>> = { na: 'na', physical_unit_x: 'pixel_size' };

type Images = ExpressionBuilder<IndexDatabase, 'images' | 'shares'>;

/**
 * The condition narrowing `images` to rows that may pass `query` (true: every row may). Only
 * terms that must hold are used: negated ones, words, dates and terms that also search the
 * catalogue's names are left to the exact test.
 */
export function prefilter(query: FilterQuery, kind: EngineKind): (eb: Images) => Expression<SqlBool> {
  return (eb) => {
    const conditions: Expression<SqlBool>[] = [];
    for (const term of query.terms) {
      if (term.negate) continue;
      if (
        (term.kind === 'contains' || term.kind === 'equals') &&
        term.also === undefined &&
        TEXT_COLUMNS.has(term.column)
      ) {
        const column = eb.ref(`images.${term.column as 'species'}`);
        conditions.push(
          term.kind === 'equals'
            ? eb(column, '=', term.text)
            : kind === 'sqlite'
              ? sql<SqlBool>`instr(${column}, ${term.text}) > 0`
              : sql<SqlBool>`strpos(${column}, ${term.text}) > 0`,
        );
      } else if (term.kind === 'empty' && TEXT_COLUMNS.has(term.column)) {
        conditions.push(eb(eb.ref(`images.${term.column as 'species'}`), 'is', null));
      } else if (term.kind === 'compare' && NUMBER_COLUMNS[term.column] !== undefined) {
        const column = eb.ref(`images.${NUMBER_COLUMNS[term.column]!}`);
        const { first, last } = typedNumberSpan(term.value);
        // as spanPasses compares one recorded value with the typed number's span
        if (term.op === '>') conditions.push(eb(column, '>', last));
        else if (term.op === '>=') conditions.push(eb(column, '>=', first));
        else if (term.op === '<') conditions.push(eb(column, '<', first));
        else if (term.op === '<=') conditions.push(eb(column, '<=', last));
        else conditions.push(eb.and([eb(column, '>=', first), eb(column, '<=', last)]));
      }
    }
    return eb.and(conditions);
  };
}
