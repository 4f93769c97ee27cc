/** The toolbar: folder, filter, quick filters, columns and Save. */
import { useShallow } from 'zustand/react/shallow';
import { selectQuickCounts } from '../store/selectors';
import { useApp } from '../store/store-context';
import { formatCount } from '../lib/format';
import { QUICK_FILTERS } from '../lib/quick-filters';
import { ColumnChooser } from './column-chooser';
import { FilterBox } from './filter-box';
import { FieldGapChip } from './profile/field-gap-chip';
import { ProfileButton } from './profile/profile-button';
import { ResultsButton } from './results/results-dialog';
import { HistoryButtons } from './history-buttons';
import { SaveControl } from './save-control';
import { TableMenu } from './table-menu';

function QuickFilters() {
  const counts = useApp(useShallow(selectQuickCounts));
  const active = useApp((s) => s.quickFilter);
  const toggle = useApp((s) => s.toggleQuickFilter);
  // "Not ready" is about a lab profile: offered when one is in force (or the filter is on).
  const profiled = useApp((s) => (s.profiles?.length ?? 0) > 0 || s.quickFilter === 'not-ready');
  return (
    <div className="chip-group" role="group" aria-label="Quick filters, one at a time, combined with the filter text">
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

/** The toolbar at the top of the workspace. */
export function Toolbar() {
  const folder = useApp((s) => s.folder);
  const opening = useApp((s) => s.opening);
  const requestOpenFolder = useApp((s) => s.requestOpenFolder);
  return (
    <header className="toolbar">
      <div className="toolbar-folder" title={folder?.root}>
        <svg className="icon" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M1.5 3.5h4.2l1.5 1.5h7.3v8.5h-13z" />
        </svg>
        <span className="toolbar-folder-name">{folder?.name}</span>
      </div>
      <button type="button" className="btn" disabled={opening} onClick={() => requestOpenFolder()}>
        Open folder…
      </button>
      <ProfileButton />
      <span className="toolbar-divider" aria-hidden="true" />
      <FilterBox />
      <QuickFilters />
      <ColumnChooser />
      <ResultsButton />
      <TableMenu />
      <span className="toolbar-spacer" />
      <HistoryButtons />
      <SaveControl />
    </header>
  );
}
