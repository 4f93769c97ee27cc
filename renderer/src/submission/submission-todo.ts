/**
 * A submission's to-do as the dialog lists it: each file's cells grouped by column and reason
 * (HTAN's manifest has a row per image, so one reason may hold thousands of cells), required
 * groups first, and only so many groups listed.
 */
import type { SubmissionExportFile, TodoItem } from '../../../shared/api';
import { todoGroups, type TodoGroup } from '../../../shared/submission';

/** One file's groups as listed. */
export interface FileTodo {
  name: string;
  /** Rows of the file's table. */
  rows: number;
  /** The groups listed, required first, then in the table's order. */
  groups: TodoGroup[];
  /** Cells of this file in groups not listed. */
  hidden: number;
}

/** `todo` grouped by column, requiredness and reason, required groups first, each in the table's order. */
export function requiredFirstGroups(todo: readonly TodoItem[]): TodoGroup[] {
  const all = todoGroups(todo);
  return [...all.filter((g) => g.required), ...all.filter((g) => !g.required)];
}

/** Each file with a to-do, its groups listed until `limit` groups in all are. */
export function listedTodo(files: readonly SubmissionExportFile[], limit: number): FileTodo[] {
  let room = limit;
  return files
    .filter((file) => file.todo.length > 0)
    .map((file) => {
      const groups = requiredFirstGroups(file.todo);
      const listed = groups.slice(0, Math.max(room, 0));
      room -= listed.length;
      const hidden = groups.slice(listed.length).reduce((n, g) => n + g.rows.length, 0);
      return { name: file.name, rows: file.rows, groups: listed, hidden };
    });
}
