/** The sticky header row: one sort button per column. */
import type { Column } from '../../lib/columns';
import { useApp } from '../../store/store-context';

function HeaderCell({ column, index }: { column: Column; index: number }) {
  const direction = useApp((s) => (s.sort?.column === column.key ? s.sort.direction : null));
  const sortBy = useApp((s) => s.sortBy);
  const ariaSort = direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none';
  return (
    <div role="columnheader" aria-colindex={index + 1} aria-sort={ariaSort} className={`cell cell-head align-${column.align}`} title={column.description}>
      <button type="button" className="sort-button" onClick={() => sortBy(column.key)}>
        <span className="sort-label">{column.label}</span>
        <svg className={`sort-icon${direction ? ' is-active' : ''}`} viewBox="0 0 10 10" aria-hidden="true">
          {direction === 'desc' ? <path d="M2 3.5l3 3 3-3" /> : <path d="M2 6.5l3-3 3 3" />}
        </svg>
      </button>
    </div>
  );
}

/** The header row group. */
export function TableHeader({ columns, template }: { columns: readonly Column[]; template: string }) {
  return (
    <div role="rowgroup" className="table-head">
      <div role="row" aria-rowindex={1} className="table-row table-row-head" style={{ gridTemplateColumns: template }}>
        {columns.map((column, index) => (
          <HeaderCell key={column.key} column={column} index={index} />
        ))}
      </div>
    </div>
  );
}
