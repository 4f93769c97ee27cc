/**
 * The dialogs' table: a caption or a name, a header cell per column, a row per item (a column
 * may be the rows' headers), a last line for what is not listed, and words in its place when
 * there is nothing to list.
 */
import type { ReactNode } from 'react';

/** One column: its header, its cell of each row, and whether that cell heads the row. */
export interface Column<T> {
  header: ReactNode;
  cell: (row: T, index: number) => ReactNode;
  /** The cell is the row's header (`<th scope="row">`). */
  rowHeader?: boolean;
  /** A class of the column's cells (`num`, `mono`, …) and one of its header. */
  className?: string;
  headerClassName?: string;
  /** The column's cells and header stay on one line (an action, a size, a short name): the other columns take the width. */
  nowrap?: boolean;
  /** The cell's full text on hover (a clipped value, a rounded figure). */
  title?: (row: T) => string | undefined;
}

interface DataTableProps<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  /** The table's visible title; without one, `label` names it for assistive technology. */
  caption?: ReactNode;
  label?: string;
  /** Classes besides `review-table`. */
  className?: string;
  /** Its class alone gives the table its look (a table of the editor, of figures), not `review-table`. */
  plain?: boolean;
  /** A row's class (a row to mark), if any. */
  rowClass?: (row: T, index: number) => string | undefined;
  /** Words in place of a row's cells after the first (a row with nothing to show in them); undefined: its cells. */
  spanned?: (row: T) => ReactNode;
  /** A last line across the columns: `and 12 more images`. */
  more?: ReactNode;
  /** Shown instead of the table when there are no rows; without it, nothing is. */
  empty?: ReactNode;
  /** With no rows, the table is drawn still, its caption and header saying what it would count. */
  headedWhenEmpty?: boolean;
  /** The rows only, no header line (a plain list of facts). */
  headless?: boolean;
}

/** `className` with `nowrap` added for a column that keeps to one line. */
function classOf(className: string | undefined, nowrap: boolean | undefined): string | undefined {
  return nowrap === true ? [className, 'nowrap'].filter(Boolean).join(' ') : className;
}

/** One cell of a row: its header, or a data cell. */
function Cell<T>({ column, row, index }: { column: Column<T>; row: T; index: number }) {
  const title = column.title?.(row);
  const className = classOf(column.className, column.nowrap);
  return column.rowHeader ? (
    <th scope="row" className={className} title={title}>
      {column.cell(row, index)}
    </th>
  ) : (
    <td className={className} title={title}>
      {column.cell(row, index)}
    </td>
  );
}

/** The table of `rows`, or the `empty` words when there are none. */
export function DataTable<T>(props: DataTableProps<T>) {
  const { columns, rows, rowKey, caption, label, className, plain = false, rowClass, spanned, more, empty } = props;
  if (rows.length === 0 && props.headedWhenEmpty !== true) {
    return empty === undefined ? null : <p className="muted small">{empty}</p>;
  }
  return (
    <table className={[plain ? null : 'review-table', className].filter(Boolean).join(' ')} aria-label={label}>
      {caption !== undefined && <caption className={plain ? undefined : 'modal-label'}>{caption}</caption>}
      {props.headless !== true && (
        <thead>
          <tr>
            {columns.map((column, c) => (
              <th key={c} scope="col" className={classOf(column.headerClassName, column.nowrap)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
      )}
      <tbody>
        {rows.map((row, i) => {
          const words = spanned?.(row);
          return (
            <tr key={rowKey(row, i)} className={rowClass?.(row, i)}>
              {(words === undefined ? columns : columns.slice(0, 1)).map((column, c) => (
                <Cell key={c} column={column} row={row} index={i} />
              ))}
              {words !== undefined && <td colSpan={columns.length - 1}>{words}</td>}
            </tr>
          );
        })}
        {more !== undefined && more !== null && more !== false && (
          <tr>
            <td colSpan={columns.length} className="muted">
              {more}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
