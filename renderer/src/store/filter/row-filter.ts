/**
 * The filter text applied to rows: each parsed term is made into a test once per keystroke and
 * run over the search index (a `field:value` term looks at its column alone).
 */
import type { ImageRow } from '../../../../shared/api';
import { columnNumber } from '../../lib/column-text';
import { columnByKey, COLUMNS } from '../../lib/columns';
import type { FilterQuery, FilterTerm } from './filter-query';
import { rowHasChanges, type EditMap, type PathEdits } from '../logic/edit-logic';
import type { LiveProblems } from '../logic/problem-logic';
import { matchesGap, matchesQuick, type QuickFilter } from './quick-filters';
import { COLUMN_COUNT, searchIndex, type RowsToFilter } from './search-index';
import { dateSpan, spanPasses, typedNumberSpan } from './spans';

const COLUMN_AT: ReadonlyMap<string, number> = new Map(COLUMNS.map((c, i) => [c.key, i]));

/**
 * A term made ready to test rows: its column looked up once per keystroke, not once per row.
 * `at` is the row's place in the index.
 */
type Matcher = (row: ImageRow, text: string, edits: PathEdits | undefined, at: number) => boolean;

/** The test of one term on a row's stored values (its search text `text`, its columns' `ends`) or a pending edit. */
function termMatcher(term: FilterTerm, ends: readonly number[]): Matcher {
  if (term.kind === 'unsaved') return (row, _text, edits) => rowHasChanges(row, edits);
  if (term.kind === 'text') {
    const wanted = term.text;
    return (_row, text, edits) =>
      text.includes(wanted) ||
      (edits !== undefined && Object.values(edits).some((e) => e.text.toLowerCase().includes(wanted)));
  }
  const key = term.column;
  const column = COLUMN_AT.get(key) ?? 0;
  const { startOf, endOf } = columnSpan(column, ends);
  if (term.kind === 'compare') {
    const spec = columnByKey(key)!;
    const { op } = term;
    const wanted = typedNumberSpan(term.value);
    const passes = (value: number | null) => value !== null && spanPasses(value, value, op, wanted);
    return (row, _text, edits) => {
      const edit = edits?.[key];
      return (
        passes(columnNumber(row, spec)) ||
        (edit?.error === null && typeof edit.value === 'number' && passes(edit.value))
      );
    };
  }
  const typed = (edits: PathEdits | undefined) => edits?.[key]?.text.trim().toLowerCase();
  switch (term.kind) {
    case 'empty':
      return (_row, _text, edits, at) => startOf(at) === endOf(at) || typed(edits) === '';
    case 'dates': {
      const { op, days } = term;
      const passes = (value: string | undefined) => {
        const span = value === undefined ? null : dateSpan(value);
        return span !== null && spanPasses(span.first, span.last, op, days);
      };
      return (_row, text, edits, at) => passes(text.slice(startOf(at), endOf(at))) || passes(typed(edits));
    }
    case 'equals':
    case 'contains': {
      const inColumn = textMatcher(term.kind, term.text, columnSpan(column, ends));
      const inTwin =
        term.also === undefined
          ? null
          : textMatcher(term.kind, term.text, columnSpan(COLUMN_AT.get(term.also) ?? 0, ends));
      const inEdit = (edits: PathEdits | undefined) =>
        term.kind === 'equals' ? typed(edits) === term.text : (typed(edits)?.includes(term.text) ?? false);
      return (_row, text, edits, at) => inColumn(text, at) || (inTwin?.(text, at) ?? false) || inEdit(edits);
    }
  }
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

/**
 * The rows (in scan order) that pass the quick filter, the Completeness view's field filter
 * (`gap`) and the parsed filter text: every term must match (a `-` term must not). A row being
 * edited matches on what is typed as well, so it does not vanish while the user types; `live`
 * is what the lab profile finds in the pending edits.
 */
export function filterRows(
  input: RowsToFilter,
  edits: EditMap,
  query: FilterQuery,
  quick: QuickFilter | null,
  live: LiveProblems = {},
  gap: string | null = null,
): ImageRow[] {
  const shown: ImageRow[] = [];
  const editing = Object.keys(edits).length > 0;
  const kept = (row: ImageRow) =>
    (quick === null || matchesQuick(row, edits, quick, live)) && matchesGap(row, edits, live, gap);
  if (query.terms.length === 0) {
    for (const path of input.order) {
      const row = input.rows[path];
      if (row && kept(row)) shown.push(row);
    }
    return shown;
  }
  const index = searchIndex(input);
  const matchers = query.terms.map((term) => termMatcher(term, index.ends));
  const negated = query.terms.map((term) => term.negate);
  for (let i = 0; i < index.rows.length; i++) {
    const row = index.rows[i]!;
    if (!kept(row)) continue;
    const text = index.texts[i]!;
    const pathEdits = editing ? edits[row.path] : undefined;
    let match = true;
    for (let t = 0; t < matchers.length && match; t++) match = matchers[t]!(row, text, pathEdits, i) !== negated[t];
    if (match) shown.push(row);
  }
  return shown;
}
