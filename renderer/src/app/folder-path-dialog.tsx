/**
 * Browser mode's "Open folder…": the folders are on the computer running the server, which a
 * browser cannot browse, so the path is typed or picked from the served folder's subfolders or
 * the recent folders. A folder that cannot be opened is explained under the path, and the
 * dialog stays open.
 */
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp, useAppStore } from '../store';
import { folderName } from '../lib/format';
import { FieldRow, FolderList, Modal, ModalActions, RecentFolderList, useFolderListing } from '../kit';

/** Recent folders shown in the dialog. */
const RECENT_SHOWN = 5;

function FolderPathForm() {
  const store = useAppStore();
  const recent = useApp(useShallow((s) => (s.session?.recent ?? []).slice(0, RECENT_SHOWN)));
  const [path, setPath] = useState(() => store.getState().folder?.root ?? '');
  const [served, setServed] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void store
      .getState()
      .listFolders()
      .then((result) => {
        if (result.ok) setServed(result.payload.path);
      });
  }, [store]);

  const typed = path.trim();
  const { listed, failed } = useFolderListing(typed === '' ? undefined : typed);
  const listing = listed?.listing ?? null;

  const cancel = () => store.getState().closeFolderPathPrompt();
  const browse = (folder: string) => {
    setPath(folder);
    setError(null);
  };
  const open = async (folder: string) => {
    setBusy(true);
    const message = await store.getState().openFolderFromPrompt(folder);
    setBusy(false);
    setError(message);
  };
  const submit = () => {
    if (typed !== '') void open(typed);
  };

  return (
    <Modal
      labelledBy="folder-path-title"
      title="Open folder"
      describedBy="folder-path-text"
      description={
        <>
          The folders are on the computer running the AcqMeta server, which opens{' '}
          {served ? <span className="mono">{served}</span> : 'the folder it was started with'} and the folders inside
          it. Type a full path or pick a folder below.
        </>
      }
      onCancel={cancel}
      onSubmit={submit}
    >
      <FieldRow id="folder-path-input" label="Folder path" message={error} invalid>
        {(control) => (
          <input
            {...control}
            className="input mono"
            value={path}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => browse(event.target.value)}
            data-autofocus
          />
        )}
      </FieldRow>
      {/* Drawn before its first listing and as tall whatever it lists, so nothing below it moves. */}
      <section
        className="folder-browser"
        aria-labelledby="folder-browser-title"
        aria-busy={listing === null && !failed}
      >
        <div className="folder-browser-head">
          <p id="folder-browser-title" className="modal-label">
            {listing === null ? (
              'Folders'
            ) : (
              <>
                Folders in <span className="mono">{folderName(listing.path)}</span>
              </>
            )}
          </p>
          <button
            type="button"
            className="btn btn-small"
            disabled={!listing?.parent}
            onClick={() => listing?.parent && browse(listing.parent)}
          >
            Up one level
          </button>
        </div>
        {listing === null || listing.folders.length === 0 ? (
          <p className="muted small folder-none folder-box">
            {listing !== null
              ? 'No folders inside.'
              : failed
                ? 'Type a folder’s full path to list its folders.'
                : 'Listing folders…'}
          </p>
        ) : (
          <FolderList
            folders={listing.folders}
            truncated={listing.truncated}
            onPick={(folder) => browse(folder.path)}
          />
        )}
      </section>
      {recent.length > 0 && (
        <section aria-labelledby="folder-recent-title">
          <p id="folder-recent-title" className="modal-label modal-field-label">
            Recent folders
          </p>
          <RecentFolderList folders={recent} disabled={busy} onOpen={(folder) => void open(folder)} compact />
        </section>
      )}
      <ModalActions onCancel={cancel}>
        <button type="submit" className="btn btn-primary" disabled={busy || typed === ''}>
          Open
        </button>
      </ModalActions>
    </Modal>
  );
}

/** The path prompt, shown while `folderPathPrompt` is set. */
export function FolderPathDialog() {
  const open = useApp((s) => s.folderPathPrompt);
  return open ? <FolderPathForm /> : null;
}
