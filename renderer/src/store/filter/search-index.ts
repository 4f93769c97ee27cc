/**
 * The filter's search index, fast on 100,000 rows: each row's search text (`shared/filter`) is
 * made once, and the rows of a folder are kept in arrays beside those texts and where each
 * column ends in them, so a keystroke only parses the query and scans them.
 */
import type { ImageRow } from '../../../../shared/api';
import { pushColumnEnds, searchText } from '../../../../shared/filter';
import { FolderFold, type FolderRows } from '../memo/grow-memo';

/**
 * The rows of the folder in scan order, each with its search text and where its columns end
 * in it: row `i`'s column `c` ends at `ends[i * COLUMN_COUNT + c]` (its separator), so a term
 * on one column finds it without searching the text for separators.
 */
export interface SearchIndex {
  rows: readonly ImageRow[];
  texts: readonly string[];
  ends: readonly number[];
}

/** The rows a filter looks at: rows by path, the paths in order, and `rowsEpoch` (it changes when rows are replaced in place). */
export type RowsToFilter = FolderRows;

/** The folder's index: made as rows arrive (in idle time) and kept while rows are only appended. */
const folderIndex = new FolderFold<{ rows: ImageRow[]; texts: string[]; ends: number[] }>(
  () => ({ rows: [], texts: [], ends: [] }),
  (index, row) => {
    const text = searchText(row);
    index.rows.push(row);
    index.texts.push(text);
    pushColumnEnds(text, index.ends);
  },
);

/**
 * Indexes up to `count` more of the folder's rows ahead of the first filter (in idle time: see
 * idle-prepare), so that a keystroke does not index 100,000 rows at once; true once all are.
 */
export function prepareForFilter(input: RowsToFilter, count: number): boolean {
  return folderIndex.extend(input, count).covered === input.order.length;
}

/**
 * The search index of these rows: the folder's, extended by the rows appended since; the
 * index of a part of the folder (the rows a scan batch added) is made on its own.
 */
export function searchIndex(input: RowsToFilter): SearchIndex {
  if (folderIndex.holds(input) && !folderIndex.continuedBy(input)) return folderIndex.over(input);
  return folderIndex.extend(input, 'all').value;
}
