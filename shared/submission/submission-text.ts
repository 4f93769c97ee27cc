/**
 * A submission table as the file the repository takes (HuBMAP: TSV; HTAN: CSV) and its to-do
 * as lines of text, for stderr and the to-do file beside the export.
 */
import { formatTableVerbatim } from '../sheets/table-text';
import type { SubmissionTable, TodoItem } from './submission-cells';

/** The table's file: the header of columns, then its rows, every cell as it is. */
export function submissionFileText(table: SubmissionTable, delimiter: 'tsv' | 'csv'): string {
  return formatTableVerbatim([table.columns, ...table.rows], delimiter);
}

/** One line per cell still to fill: `<row>: <column> (required|optional): <why>`. */
export function todoLines(todo: readonly TodoItem[]): string[] {
  return todo.map(
    ({ row, column, required, reason }) => `${row}: ${column} (${required ? 'required' : 'optional'}): ${reason}`,
  );
}

/** Whether a required cell is still empty. */
export function requiredMissing(todo: readonly TodoItem[]): boolean {
  return todo.some((item) => item.required);
}
