/**
 * The to-do of a drafted submission, by file: each column left empty, whether the repository
 * requires it, why nothing filled it, and where; required first, the first groups listed and
 * the rest counted (the saved to-do list has every cell).
 */
import { useMemo } from 'react';
import type { SubmissionExportFile } from '../../../shared/api';
import { formatCount, plural } from '../lib/format';
import type { TodoGroup } from '../../../shared/submission';
import { DataTable, type Column } from '../kit';
import { listedTodo } from './submission-todo';

/** Groups listed in all, so a folder of 10,000 images lists as fast as one of ten. */
const LISTED_GROUPS = 200;
/** Rows named in a group before the rest are counted. */
const NAMED_ROWS = 3;

/** `dataset`, `every row (9)` when the group holds all `rowCount` rows, or `3 rows: a, b, c`, `6 rows: a, b, c and 3 more`. */
function whereText(rows: readonly string[], rowCount: number): string {
  if (rows.length === 1) return rows[0] ?? '';
  if (rows.length === rowCount) return `every row (${formatCount(rowCount)})`;
  const named = rows.slice(0, NAMED_ROWS).join(', ');
  const more = rows.length - NAMED_ROWS;
  return `${plural(rows.length, 'row')}: ${named}${more > 0 ? ` and ${formatCount(more)} more` : ''}`;
}

/** A column's name, breaking only after its underscores (`source_storage_duration_value`). */
function ColumnName({ name }: { name: string }) {
  const parts = name.split('_');
  return (
    <code className="todo-column">
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              _<wbr />
            </>
          )}
        </span>
      ))}
    </code>
  );
}

/** The columns of a file's to-do, given how many rows the file has: column, needed, why, where. */
function todoColumns(rowCount: number): Column<TodoGroup>[] {
  return [
    { header: 'Column', cell: (group) => <ColumnName name={group.column} /> },
    { header: 'Needed', className: 'todo-state', cell: (group) => (group.required ? 'Required' : 'Optional') },
    { header: 'Why it is empty', cell: (group) => group.reason },
    { header: 'Where', className: 'todo-where', cell: (group) => whereText(group.rows, rowCount) },
  ];
}

/** The to-do of `files`, or nothing when every cell is filled. */
export function SubmissionTodoList({ files }: { files: readonly SubmissionExportFile[] }) {
  const listed = useMemo(() => listedTodo(files, LISTED_GROUPS), [files]);
  if (listed.length === 0) return null;
  return (
    <section className="submission-todo" aria-labelledby="submission-todo-title" tabIndex={0}>
      <h3 id="submission-todo-title" className="modal-label">
        Cells to fill, by file
      </h3>
      {listed.map((file) => (
        <div key={file.name}>
          <DataTable
            caption={file.name}
            className="submission-todo-table"
            columns={todoColumns(file.rows)}
            rows={file.groups}
            rowKey={(_, i) => String(i)}
            rowClass={(group) => (group.required ? 'todo-required' : 'todo-optional')}
          />
          {file.hidden > 0 && (
            <p className="muted small">
              … and {plural(file.hidden, 'more cell')} of {file.name} to fill: the saved to-do list names every one.
            </p>
          )}
        </div>
      ))}
    </section>
  );
}
