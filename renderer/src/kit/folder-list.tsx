/**
 * Browser mode's view of the server's folders: the subfolders of a typed path, listed once
 * typing pauses, and the list of them to pick from ("Open folder…", the OME-TIFF output folder).
 */
import { useEffect, useState } from 'react';
import type { FolderListing } from '../../../shared/api';
import { useAppStore } from '../store';
import { FolderIcon } from './folder-icon';

/** How long typing pauses before the subfolders of the typed path are listed. */
const LIST_DELAY_MS = 200;

/** A listing and the path it was asked for (undefined: the served folder). */
export interface AskedListing {
  asked: string | undefined;
  listing: FolderListing;
}

/** What is listed for a typed path: the last listing that came, and whether the path now typed could not be listed. */
export interface FolderListingState {
  listed: AskedListing | null;
  failed: boolean;
}

/**
 * The subfolders of `path` (undefined: of the served folder; null: nothing is listed), once
 * typing pauses; a path that cannot be listed keeps the last listing, which says what it was
 * asked for, and says it failed.
 */
export function useFolderListing(path: string | null | undefined): FolderListingState {
  const store = useAppStore();
  const [listed, setListed] = useState<AskedListing | null>(null);
  const [failed, setFailed] = useState<{ asked: string | undefined } | null>(null);
  useEffect(() => {
    if (path === null) return;
    let current = true;
    const timer = setTimeout(() => {
      void store
        .getState()
        .listFolders(path)
        .then((result) => {
          if (!current) return;
          if (result.ok) setListed({ asked: path, listing: result.payload });
          else setFailed({ asked: path });
        });
    }, LIST_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [path, store]);
  return { listed, failed: failed !== null && failed.asked === path };
}

/** Folders as buttons (the icon and the name; the full path as the tooltip); a cut-off list says so. */
export function FolderList({
  folders,
  truncated,
  onPick,
}: {
  folders: FolderListing['folders'];
  truncated: boolean;
  onPick: (folder: FolderListing['folders'][number]) => void;
}) {
  return (
    <ul className="plain-list folder-list">
      {folders.map((folder) => (
        <li key={folder.path}>
          <button type="button" className="folder-item" title={folder.path} onClick={() => onPick(folder)}>
            <FolderIcon small />
            {folder.name}
          </button>
        </li>
      ))}
      {truncated && <li className="muted small folder-none">More folders: type the path.</li>}
    </ul>
  );
}
