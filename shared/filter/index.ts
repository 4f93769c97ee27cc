/**
 * The filter language of the app's filter box, pure, so that the command line and an index
 * answer a filter with the same images, in the same order, as the app's table:
 * `parseFilter(text)` reads a filter once, `rowMatcher(query)` tests rows as stored with it, and
 * `comparePaths` is the order of rows no column sorts (the scan's).
 *
 * A parsed filter is `{ terms, problems }`: a row passes when it matches every term, and a term
 * with `negate: true` when it does not match it. `problems` says in words what was not read as
 * typed (it was searched as text). Each term is one of (texts are lower case, a column is a key of
 * `COLUMNS` from `shared/columns`):
 *
 * - `{ kind: 'text', text }`: a word, found in any column's text, a row's problems or its results.
 * - `{ kind: 'contains', column, text, also? }`: `field:value`, the column's text holds `text`;
 *   `also` names a second column searched too (the catalogue's name beside the recorded
 *   instrument or objective).
 * - `{ kind: 'equals', column, text, also? }`: `field:=value`, the column's text is `text`.
 * - `{ kind: 'empty', column }`: `field:""`, the column's text is empty.
 * - `{ kind: 'compare', column, op, value }`: a number column's number against `value`, `op` one
 *   of `<`, `<=`, `>`, `>=`, `=`; `=` allows the rounding of a double (`typedNumberSpan`).
 * - `{ kind: 'dates', column, op, days }`: a date column (`acquired`, `date`) read as the period
 *   it names, compared with `days`, a `Span` of `YYYYMMDD` numbers (`acquired:2025` is
 *   `{ first: 20250101, last: 20251231 }`); `=` means within it.
 * - `{ kind: 'unsaved' }`: `sidecar:unsaved`, rows with pending edits (none, as stored).
 *
 * A column's text is what the table shows (`columnText`), lower-cased, `×` read as `x`; a
 * number column's value is `columnNumber`. A database may turn terms into a prefilter with
 * parameters, then pass the rows it finds through `rowMatcher` for the exact answer.
 */
export { parseFilter, type FilterQuery, type FilterTerm } from './filter-query';
export { comparePaths } from './path-order';
export { pushColumnEnds, searchText } from './search-text';
export { dateSpan, typedNumberSpan, type Comparison, type Span } from './spans';
export { rowMatcher, termTest, type TermTest } from './term-tests';
