/** The table's own toolbar, above it: the filter, the quick filters and the columns. */
import { useShallow } from 'zustand/react/shallow';
import { QUICK_FILTERS, selectQuickCounts, useApp } from '../store';
import { formatCount } from '../lib/format';
import { ColumnChooser } from './column-chooser';
import { FilterBox } from './filter-box';
import { FieldGapChip } from '../profile';

function QuickFilters() {
  const counts = useApp(useShallow(selectQuickCounts));
  const active = useApp((s) => s.quickFilter);
  const toggle = useApp((s) => s.toggleQuickFilter);
  // "Not ready" is about a lab profile: offered when one is in force (or the filter is on).
  const profiled = useApp((s) => (s.profiles?.length ?? 0) > 0 || s.quickFilter === 'not-ready');
  // Never cut: in a narrow window the chips wrap onto a line of their own, below the filter box.
  return (
    <div
      className="chip-group chip-wrap"
      role="group"
      aria-label="Quick filters, one at a time, combined with the filter text"
    >
      <FieldGapChip />
      {QUICK_FILTERS.filter((q) => q.filter !== 'not-ready' || profiled).map(({ filter, label, title }) => (
        <button
          key={filter}
          type="button"
          className={`chip chip-${filter}`}
          aria-pressed={active === filter}
          title={`${title} (one at a time; an image must also match the filter text)`}
          onClick={() => toggle(filter)}
        >
          {label}
          <span className="chip-count">{formatCount(counts[filter])}</span>
        </button>
      ))}
    </div>
  );
}

/** Filter box, quick filters and the column chooser. */
export function TableToolbar() {
  return (
    <div className="table-toolbar" role="toolbar" aria-label="Table">
      <FilterBox />
      <QuickFilters />
      <span className="toolbar-spacer" />
      <ColumnChooser />
    </div>
  );
}
