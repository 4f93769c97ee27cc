/**
 * The filter text applied to rows: each parsed term's tests (`shared/filter`) run over the
 * search index, and over what is typed in a row being edited.
 */
import type { ImageRow } from '../../../../shared/api';
import { termTest, type FilterQuery, type FilterTerm } from '../../../../shared/filter';
import { rowHasChanges, type EditMap, type PathEdits } from '../logic/edit-logic';
import type { LiveProblems } from '../logic/problem-logic';
import { matchesGap, matchesQuick, type QuickFilter } from './quick-filters';
import { searchIndex, type RowsToFilter } from './search-index';

/** A term's test of the row at `at` in the index: its stored values (search text `text`), or a pending edit. */
type Matcher = (row: ImageRow, text: string, edits: PathEdits | undefined, at: number) => boolean;

/** The test of one term on a row's stored values (its columns' `ends` in the index) or a pending edit. */
function termMatcher(term: FilterTerm, ends: readonly number[]): Matcher {
  if (term.kind === 'unsaved') return (row, _text, edits) => rowHasChanges(row, edits);
  const { stored, typed } = termTest(term, ends);
  if (term.kind === 'text')
    return (row, text, edits, at) =>
      stored(row, text, at) ||
      (edits !== undefined && Object.values(edits).some((e) => typed(e.text.toLowerCase(), null)));
  const key = term.column;
  return (row, text, edits, at) => {
    if (stored(row, text, at)) return true;
    const edit = edits?.[key];
    const number = edit?.error === null && typeof edit.value === 'number' ? edit.value : null;
    return edit !== undefined && typed(edit.text.trim().toLowerCase(), number);
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
