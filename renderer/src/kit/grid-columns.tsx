/**
 * The columns an editable grid begins with (the channel table, the instrument catalogue's
 * components): the row's number, heading the row, and a button removing the row.
 */
import type { Column } from './data-table';

/** The row's number, from 1. */
export function numberColumn<T>(): Column<T> {
  return { header: '#', rowHeader: true, className: 'num', headerClassName: 'num', cell: (_, i) => i + 1 };
}

/** How a row is removed: the button's name and tooltip, whether it is held back, what it does. */
interface Removal<T> {
  label: (row: T, index: number) => string;
  title?: (row: T, index: number) => string;
  disabled: (row: T, index: number) => boolean;
  remove: (row: T, index: number) => void;
}

/** A column of buttons, each removing its row. */
export function removeColumn<T>({ label, title = label, disabled, remove }: Removal<T>): Column<T> {
  return {
    header: <span className="sr-only">Remove</span>,
    className: 'channel-remove',
    headerClassName: 'channel-remove',
    cell: (row, i) => (
      <button
        type="button"
        className="btn btn-small btn-ghost"
        aria-label={label(row, i)}
        title={title(row, i)}
        disabled={disabled(row, i)}
        onClick={() => remove(row, i)}
      >
        <svg className="icon icon-small" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
      </button>
    ),
  };
}
