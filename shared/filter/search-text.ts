/**
 * What the filter searches in a row: every column's words (shown or not) in one lower-case text,
 * made once per row object, and where each column ends in it, so a `field:value` term looks at
 * its column alone.
 */
import type { ImageRow } from '../api';
import { COLUMNS, columnText, formatResult } from '../columns';

/** Separates the columns' texts in a row's search text (nobody types it, so no word spans two columns). */
const SEPARATOR = '\u0001';

const searchTexts = new WeakMap<ImageRow, string>();

/**
 * A row's lower-case text as the filter searches it, made once per row: every column's text
 * in `COLUMNS` order, then the row's problems (read errors, then the lab profile's) and its
 * analysis results, separated by `SEPARATOR`.
 */
export function searchText(row: ImageRow): string {
  let text = searchTexts.get(row);
  if (text === undefined) {
    const results = Object.values(row.results ?? {})
      .map(formatResult)
      .join(' ');
    const problems = row.profileProblems.map((p) => p.message).join(' ');
    text = [...COLUMNS.map((column) => columnText(row, column)), row.errors.join(' '), problems, results]
      .join(SEPARATOR)
      .toLowerCase()
      // an objective's × reads as the x of its recorded name (`63×/1.40`, `63x/1.40 Oil`): same length
      .replaceAll('×', 'x');
    searchTexts.set(row, text);
  }
  return text;
}

/** Columns at the start of every search text, each followed by `SEPARATOR`. */
export const COLUMN_COUNT = COLUMNS.length;

/** Appends where each of a search text's `COLUMN_COUNT` columns ends in it (at its separator) to `ends`. */
export function pushColumnEnds(text: string, ends: number[]): void {
  let end = -1;
  for (let c = 0; c < COLUMN_COUNT; c++) ends.push((end = text.indexOf(SEPARATOR, end + 1)));
}
