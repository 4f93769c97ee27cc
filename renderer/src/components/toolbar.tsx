/** The toolbar: folder, filter, quick filters, columns and Save. */
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { QuickFilter } from '../store/row-query';
import { selectQuickCounts } from '../store/selectors';
import { useApp } from '../store/store-context';
import { formatCount } from '../lib/format';
import { ColumnChooser } from './column-chooser';
import { ResultsButton } from './results/results-dialog';
import { HistoryButtons } from './history-buttons';
import { SaveControl } from './save-control';
import { TableMenu } from './table-menu';

const QUICK_FILTERS: readonly { filter: QuickFilter; label: string; title: string }[] = [
  { filter: 'missing', label: 'No sidecar', title: 'Images without a .json sidecar yet' },
  { filter: 'invalid', label: 'Invalid', title: 'Corrupt sidecars and values that cannot be saved as typed' },
  { filter: 'unsaved', label: 'Unsaved', title: 'Images with changes not saved yet' },
];

function FilterBox() {
  const text = useApp((s) => s.filterText);
  const findRequest = useApp((s) => s.findRequest);
  const setFilterText = useApp((s) => s.setFilterText);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (findRequest === 0) return;
    input.current?.focus();
    input.current?.select();
  }, [findRequest]);
  return (
    <input
      ref={input}
      type="search"
      className="input filter-input"
      aria-label="Filter images"
      placeholder="Filter by name or value"
      title="Shows images whose path or metadata contains every word (Ctrl+F)"
      value={text}
      spellCheck={false}
      onChange={(e) => setFilterText(e.target.value)}
    />
  );
}

function QuickFilters() {
  const counts = useApp(useShallow(selectQuickCounts));
  const active = useApp((s) => s.quickFilter);
  const toggle = useApp((s) => s.toggleQuickFilter);
  return (
    <div className="chip-group" role="group" aria-label="Quick filters">
      {QUICK_FILTERS.map(({ filter, label, title }) => (
        <button
          key={filter}
          type="button"
          className={`chip chip-${filter}`}
          aria-pressed={active === filter}
          title={title}
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
