/** The recent folders as buttons that open them: the start screen's list, and browser mode's open dialog's. */
import { folderName } from '../lib/format';
import { FolderIcon } from './folder-icon';

interface RecentFolderListProps {
  folders: readonly string[];
  disabled: boolean;
  onOpen: (folder: string) => void;
  /** One line per folder with its icon, in a bordered list (a dialog); else the folder's name above its path. */
  compact?: boolean;
}

/** Each recent folder as a button showing its name and its whole path. */
export function RecentFolderList({ folders, disabled, onOpen, compact = false }: RecentFolderListProps) {
  return (
    <ul className={compact ? 'plain-list folder-list' : 'recent-list'}>
      {folders.map((folder) => (
        <li key={folder}>
          <button
            type="button"
            className={compact ? 'folder-item' : 'recent-item'}
            title={`Open ${folder}`}
            disabled={disabled}
            onClick={() => onOpen(folder)}
          >
            {compact && <FolderIcon small />}
            <span className={compact ? 'folder-item-name' : 'recent-name'}>{folderName(folder)}</span>
            <span className={compact ? 'folder-item-path mono' : 'recent-path'}>{folder}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
