/** The application bar: the folder and its lab profile, the folder-wide tools, undo/redo and Save. */
import { useApp } from '../store/store-context';
import { FolderIcon } from './folder-icon';
import { ProfileButton } from './profile/profile-button';
import { ResultsButton } from './results/results-dialog';
import { HistoryButtons } from './history-buttons';
import { SaveControl } from './save-control';
import { TableMenu } from './table-menu';

/** The bar at the top of the workspace. */
export function Toolbar() {
  const folder = useApp((s) => s.folder);
  const opening = useApp((s) => s.opening);
  const requestOpenFolder = useApp((s) => s.requestOpenFolder);
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
      <HistoryButtons />
      <SaveControl />
    </header>
  );
}
