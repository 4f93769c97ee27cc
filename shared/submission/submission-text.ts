/**
 * A submission table as the file the repository takes (HuBMAP: TSV; HTAN: CSV) and its to-do
 * as lines of text, for stderr and the to-do file beside the export.
 */
import { formatTable, tableNumber, type TableCell } from '../sheets/table-text';
import type { SubmissionTable, TodoItem } from './submission-cells';

/** A cell of a submission file: a plain number as it is, any other text as a spreadsheet export writes it. */
function fileCell(text: string): TableCell {
  return text !== '' && text.trim() === text && Number.isFinite(Number(text)) ? tableNumber(text) : text;
}

/**
 * The table's file: the header of columns, then its rows. People open these files in
 * spreadsheet programs, so a text cell those would run as a formula (`=HYPERLINK(…)`, `@SUM(1)`)
 * gets a `'` in front, as the table exports' cells do; a number (`-5`) is written as it is.
 */
export function submissionFileText(table: SubmissionTable, delimiter: 'tsv' | 'csv'): string {
  return formatTable(
    [table.columns, ...table.rows].map((row) => row.map(fileCell)),
    delimiter,
  );
}

/** One line per cell still to fill: `<row>: <column> (required|optional): <why>`. */
export function todoLines(todo: readonly TodoItem[]): string[] {
  return todo.map(
    ({ row, column, required, reason }) => `${row}: ${column} (${required ? 'required' : 'optional'}): ${reason}`,
  );
}

/** Most rows a to-do summary lists one by one for a column and reason; more are one line. */
export const TODO_SUMMARY_ROWS = 10;

/** The cells of one column left to fill for one reason, and the rows they are in. */
export interface TodoGroup {
  readonly column: string;
  readonly required: boolean;
  readonly reason: string;
  readonly rows: string[];
}

/** `todo` grouped by column, need and reason, in the order each group first appears (HTAN's one row per image gives thousands of cells a reason). */
export function todoGroups(todo: readonly TodoItem[]): TodoGroup[] {
  const groups = new Map<string, TodoGroup>();
  for (const { row, column, required, reason } of todo) {
    const key = JSON.stringify([column, required, reason]);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { column, required, reason, rows: [row] });
    else group.rows.push(row);
  }
  return [...groups.values()];
}

/**
 * The to-do for a person to read (stderr): as `todoLines`, except that more than
 * `TODO_SUMMARY_ROWS` rows with the same column, need and reason are one line naming the first
 * three rows and the count (`…: 10,000 rows: a.tif, b.tif, c.tif and 9,997 more`).
 */
export function todoSummaryLines(todo: readonly TodoItem[]): string[] {
  const count = (n: number) => n.toLocaleString('en-US');
  return todoGroups(todo).flatMap(({ column, required, reason, rows }) => {
    if (rows.length <= TODO_SUMMARY_ROWS) return todoLines(rows.map((row) => ({ row, column, required, reason })));
    const named = rows.slice(0, 3);
    const which = `${count(rows.length)} rows: ${named.join(', ')} and ${count(rows.length - named.length)} more`;
    return [`${column} (${required ? 'required' : 'optional'}): ${reason} (${which})`];
  });
}

/**
 * What a to-do comes to, said before its items (the command line's stderr, the app's upload
 * dialog): `Nothing left to do.`, `Nothing required is left. 1 optional item:`,
 * `2 required items and 1 optional item left:`.
 */
export function todoHeadline(todo: readonly { required: boolean }[]): string {
  const required = todo.filter((item) => item.required).length;
  const optional = todo.length - required;
  const items = (n: number, kind: string) => `${n.toLocaleString('en-US')} ${kind} item${n === 1 ? '' : 's'}`;
  if (todo.length === 0) return 'Nothing left to do.';
  if (required === 0) return `Nothing required is left. ${items(optional, 'optional')}:`;
  if (optional === 0) return `${items(required, 'required')} left:`;
  return `${items(required, 'required')} and ${items(optional, 'optional')} left:`;
}

/** Whether a required cell is still empty. */
export function requiredMissing(todo: readonly TodoItem[]): boolean {
  return todo.some((item) => item.required);
}
