/** The "Columns" menu: show or hide table columns, grouped like the editor. */
import { COLUMNS, isResultColumnKey } from '../../../shared/columns';
import { useApp } from '../store';
import { DEFAULT_VISIBLE_COLUMNS } from '../lib/columns';
import { ResultColumnList } from '../results';
import { usePopover } from '../kit';

const HIDEABLE = COLUMNS.filter((c) => c.hideable);
const GROUPS = [...new Set(HIDEABLE.map((c) => c.group))];

function ColumnList() {
  const visible = useApp((s) => s.visibleColumns);
  const setColumnVisible = useApp((s) => s.setColumnVisible);
  const resizedColumns = useApp((s) => Object.keys(s.columnWidths).length);
  const resetWidths = useApp((s) => s.resetColumnWidths);
  const reset = () => {
    for (const column of HIDEABLE) setColumnVisible(column.key, DEFAULT_VISIBLE_COLUMNS.includes(column.key));
    for (const key of visible.filter(isResultColumnKey)) setColumnVisible(key, false);
  };
  return (
    <div className="popover column-popover">
      <div className="column-groups">
        {GROUPS.map((group) => (
          <fieldset key={group} className="column-group">
            <legend className="section-title">{group}</legend>
            {HIDEABLE.filter((c) => c.group === group).map((column) => (
              <label key={column.key} className="check-row" title={column.description}>
                <input
                  type="checkbox"
                  checked={visible.includes(column.key)}
                  onChange={(e) => setColumnVisible(column.key, e.target.checked)}
                />
                {column.longLabel}
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      <ResultColumnList />
      <div className="popover-footer">
        <button type="button" className="btn btn-small" disabled={resizedColumns === 0} onClick={resetWidths}>
          Default widths
        </button>
        <button type="button" className="btn btn-small" onClick={reset}>
          Default columns
        </button>
      </div>
    </div>
  );
}

/** Button and popover listing every hideable column. */
export function ColumnChooser() {
  const { open, setOpen, root, button } = usePopover();
  return (
    <div className="column-chooser" ref={root}>
      <button ref={button} type="button" className="btn" aria-expanded={open} onClick={() => setOpen(!open)}>
        Columns
        <svg className="icon icon-small" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4 6l4 4 4-4" />
        </svg>
      </button>
      {open && <ColumnList />}
    </div>
  );
}
