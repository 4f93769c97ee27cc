/** The sticky header row: one sort button per column. */
import type { KeyboardEvent } from 'react';
import type { Column } from '../../lib/columns';
import { useApp } from '../../store/store-context';

function HeaderCell({ column, index }: { column: Column; index: number }) {
  const direction = useApp((s) => (s.sort?.column === column.key ? s.sort.direction : null));
  const sortBy = useApp((s) => s.sortBy);
  const ariaSort = direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none';
  return (
    <div role="columnheader" aria-colindex={index + 1} aria-sort={ariaSort} className={`cell cell-head align-${column.align}`} title={column.description}>
      <button type="button" className="sort-button" tabIndex={-1} onClick={() => sortBy(column.key)}>
        <span className="sort-label">{column.label}</span>
        <svg className={`sort-icon${direction ? ' is-active' : ''}`} viewBox="0 0 10 10" aria-hidden="true">
          {direction === 'desc' ? <path d="M2 3.5l3 3 3-3" /> : <path d="M2 6.5l3-3 3 3" />}
        </svg>
      </button>
    </div>
  );
}

/**
 * Keys inside the header: Left/Right/Home/End move between the sort buttons (Enter or Space
 * sorts), Down or Escape return to the rows. The buttons are not Tab stops: a keyboard user
 * reaches them with Up from the first row, as in an ARIA grid.
 */
function onHeaderKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.sort-button')];
  const at = buttons.findIndex((button) => button === document.activeElement);
  const focusAt = (i: number) => buttons[Math.max(0, Math.min(buttons.length - 1, i))]?.focus();
  switch (event.key) {
    case 'ArrowLeft':
      focusAt(at - 1);
      break;
    case 'ArrowRight':
      focusAt(at + 1);
      break;
    case 'Home':
      focusAt(0);
      break;
    case 'End':
      focusAt(buttons.length - 1);
      break;
    case 'ArrowDown':
    case 'Escape':
      event.currentTarget.closest<HTMLElement>('[role="grid"]')?.focus();
      break;
    default:
      return;
  }
  event.preventDefault();
}

/** The header row group. */
export function TableHeader({ columns, template }: { columns: readonly Column[]; template: string }) {
  return (
    <div role="rowgroup" className="table-head">
      <div role="row" aria-rowindex={1} className="table-row table-row-head" style={{ gridTemplateColumns: template }} onKeyDown={onHeaderKeyDown}>
        {columns.map((column, index) => (
          <HeaderCell key={column.key} column={column} index={index} />
        ))}
      </div>
    </div>
  );
}
