/** The application bar: the folder and its lab profile, the folder-wide tools, the folder's history, undo/redo and Save. */
import { useApp } from '../store';
import { FolderIcon } from '../kit';
import { ProfileButton } from '../profile';
import { ResultsButton } from '../results';
import { HistoryButtons } from './history-buttons';
import { SaveControl } from './save-control';
import { TableMenu } from './table-menu';

/** The bar at the top of the workspace. */
export function Toolbar() {
  const folder = useApp((s) => s.folder);
  const opening = useApp((s) => s.opening);
  const requestOpenFolder = useApp((s) => s.requestOpenFolder);
  const openTimeline = useApp((s) => s.openTimeline);
  const openSearch = useApp((s) => s.openSearch);
  return (
    <header className="toolbar">
      <div className="toolbar-folder" title={folder?.root}>
        <FolderIcon />
        <span className="toolbar-folder-name">{folder?.name}</span>
      </div>
      <button type="button" className="btn" disabled={opening} onClick={() => requestOpenFolder()}>
        Open folder…
      </button>
      <ProfileButton />
      <span className="toolbar-divider" aria-hidden="true" />
      <TableMenu />
      <ResultsButton />
      <span className="toolbar-spacer" />
      <button
        type="button"
        className="btn btn-icon"
        aria-label="Search all folders…"
        title="Search all folders: every folder in the facility index, and open an image found in its folder"
        onClick={openSearch}
      >
        <svg className="icon" viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="7" cy="7" r="4.5" />
          <path d="M10.3 10.3L14 14" />
        </svg>
      </button>
      <button
        type="button"
        className="btn btn-icon"
        aria-label="History of the folder…"
        title="History of the folder: who changed its sidecars, when and how, and restoring an action"
        onClick={() => void openTimeline(null)}
      >
        <svg className="icon" viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="8" cy="8" r="5.5" />
          <path d="M8 5v3l2 1.5" />
        </svg>
      </button>
      <HistoryButtons />
      <SaveControl />
    </header>
  );
}
