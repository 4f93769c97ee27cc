/**
 * Browser mode's "Open folder…": the folders are on the computer running the server, which a
 * browser cannot browse, so the path is typed (the server refuses folders outside its --root).
 */
import { useState, type FormEvent } from 'react';
import { useApp, useAppStore } from '../../store/store-context';
import { Modal } from './modal';

function FolderPathForm() {
  const store = useAppStore();
  const [path, setPath] = useState(() => store.getState().folder?.root ?? '');
  const cancel = () => store.getState().closeFolderPathPrompt();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = path.trim();
    const s = store.getState();
    s.closeFolderPathPrompt();
    if (chosen !== '') s.requestOpenFolder(chosen);
  };
  return (
    <Modal labelledBy="folder-path-title" describedBy="folder-path-text" onCancel={cancel}>
      <form onSubmit={submit}>
        <h2 id="folder-path-title" className="modal-title">
          Open folder
        </h2>
        <p id="folder-path-text">
          The folder is on the computer running the AcqMeta server: type its full path. The server opens the folder it was started with and the
          folders inside it; opening the current folder again reads it afresh.
        </p>
        <label className="modal-label modal-field-label" htmlFor="folder-path-input">
          Folder path
        </label>
        <input
          id="folder-path-input"
          className="input mono"
          value={path}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => setPath(event.target.value)}
          data-autofocus
        />
        <div className="modal-actions">
          <span className="toolbar-spacer" />
          <button type="button" className="btn" onClick={cancel}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={path.trim() === ''}>
            Open
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** The path prompt, shown while `folderPathPrompt` is set. */
export function FolderPathDialog() {
  const open = useApp((s) => s.folderPathPrompt);
  return open ? <FolderPathForm /> : null;
}
