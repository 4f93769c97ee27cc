/**
 * Parsed terms made into tests of rows, once per query rather than once per row: a row's stored
 * values are tested in its search text (a `field:value` term looks at its column alone), and
 * what someone typed for a column is tested alike, so that the app can match the row being edited.
 */
import type { ImageRow } from '../api';
import { columnByKey, columnNumber, COLUMNS } from '../columns';
import type { FilterQuery, FilterTerm } from './filter-query';
import { COLUMN_COUNT, pushColumnEnds, searchText } from './search-text';
import { dateSpan, spanPasses, typedNumberSpan } from './spans';

const COLUMN_AT: ReadonlyMap<string, number> = new Map(COLUMNS.map((c, i) => [c.key, i]));

/** A term's tests: of a row as stored, and of a value typed for it. */
export interface TermTest {
  /**
   * Whether the row's stored values pass: `text` is its search text, and its columns end at
   * `ends[at * COLUMN_COUNT + c]` (`at`: its place among the rows `ends` describes).
   */
  stored: (row: ImageRow, text: string, at: number) => boolean;
  /**
   * Whether a value typed for the term's column (any column's for a word) passes: its text
   * lower-cased, and its number when it is a valid one. `sidecar:unsaved` passes neither test:
   * only pending edits make a row unsaved.
   */
  typed: (text: string, number: number | null) => boolean;
}

/** Where column `column` starts and ends in the search text of the row at `at`. */
function columnSpan(column: number, ends: readonly number[]) {
  return {
    startOf: (at: number): number => (column === 0 ? 0 : (ends[at * COLUMN_COUNT + column - 1] as number) + 1),
    endOf: (at: number): number => ends[at * COLUMN_COUNT + column] as number,
  };
}

/** Whether a row's text in a column (its `span`) is `wanted` (`equals`) or holds it (`contains`). */
function textMatcher(
  kind: 'equals' | 'contains',
  wanted: string,
  { startOf, endOf }: ReturnType<typeof columnSpan>,
): (text: string, at: number) => boolean {
  if (kind === 'equals')
    return (text, at) => {
      const start = startOf(at);
      return endOf(at) - start === wanted.length && text.startsWith(wanted, start);
    };
  return (text, at) => {
    const found = text.indexOf(wanted, startOf(at));
    return found >= 0 && found + wanted.length <= endOf(at);
  };
}

/** The tests of `term` over rows whose column ends are `ends` (see {@link TermTest.stored}). */
export function termTest(term: FilterTerm, ends: readonly number[]): TermTest {
  if (term.kind === 'unsaved') return { stored: () => false, typed: () => false };
  if (term.kind === 'text') {
    const wanted = term.text;
    return { stored: (_row, text) => text.includes(wanted), typed: (text) => text.includes(wanted) };
  }
  const key = term.column;
  const span = columnSpan(COLUMN_AT.get(key) ?? 0, ends);
  switch (term.kind) {
    case 'compare': {
      const column = columnByKey(key)!;
      const { op } = term;
      const wanted = typedNumberSpan(term.value);
      const passes = (value: number | null) => value !== null && spanPasses(value, value, op, wanted);
      return { stored: (row) => passes(columnNumber(row, column)), typed: (_text, number) => passes(number) };
    }
    case 'empty':
      return { stored: (_row, _text, at) => span.startOf(at) === span.endOf(at), typed: (text) => text === '' };
    case 'dates': {
      const { op, days } = term;
      const passes = (value: string) => {
        const found = dateSpan(value);
        return found !== null && spanPasses(found.first, found.last, op, days);
      };
      return { stored: (_row, text, at) => passes(text.slice(span.startOf(at), span.endOf(at))), typed: passes };
    }
    case 'equals':
    case 'contains': {
      const { kind, text: wanted, also } = term;
      const inColumn = textMatcher(kind, wanted, span);
      const inTwin = also === undefined ? null : textMatcher(kind, wanted, columnSpan(COLUMN_AT.get(also) ?? 0, ends));
      return {
        stored: (_row, text, at) => inColumn(text, at) || (inTwin?.(text, at) ?? false),
        typed: (text) => (kind === 'equals' ? text === wanted : text.includes(wanted)),
      };
    }
  }
}

/**
 * The test of a parsed filter on rows as stored (no pending edits): every term must match, a
 * negated one must not. What the command line and an index answer a filter with.
 */
export function rowMatcher(query: FilterQuery): (row: ImageRow) => boolean {
  const ends: number[] = [];
  const tests = query.terms.map((term) => termTest(term, ends));
  return (row) => {
    if (tests.length === 0) return true;
    const text = searchText(row);
    ends.length = 0;
    pushColumnEnds(text, ends);
    return tests.every((test, t) => test.stored(row, text, 0) !== query.terms[t]!.negate);
  };
}
