/** Asks what to do when a sidecar changed on disk since it was read. */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { editableField } from '../../../../shared/fields/field-table';
import { useApp, useAppStore } from '../../store/store-context';
import { baseName } from '../../lib/format';
import { changesOf } from '../../store/edit-logic';
import { Modal } from './modal';

function MyChanges({ path }: { path: string }) {
  const changes = useApp(
    useShallow((s) => {
      const row = s.rows[path];
      return row ? Object.entries(changesOf(row, s.edits[path])).map(([name, value]) => `${editableField(name)?.displayName ?? name}: ${value === null ? '(empty)' : String(value)}`) : [];
    }),
  );
  if (changes.length === 0) return null;
  return (
    <>
      <p className="modal-label">Your unsaved changes</p>
      <ul className="change-list">
        {changes.map((change) => (
          <li key={change}>{change}</li>
        ))}
      </ul>
    </>
  );
}

/** The conflict dialog, shown while a conflict waits for an answer. */
export function ConflictDialog() {
  const store = useAppStore();
  const conflict = useApp((s) => s.conflicts[0] ?? null);
  const waiting = useApp((s) => s.conflicts.length - 1);
  const [busy, setBusy] = useState(false);
  if (!conflict) return null;
  const answer = async (choice: 'theirs' | 'mine' | 'cancel') => {
    setBusy(true);
    try {
      await store.getState().resolveConflict(choice);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal labelledBy="conflict-title" describedBy="conflict-text" onCancel={() => void answer('cancel')}>
      <h2 id="conflict-title" className="modal-title">
        {baseName(conflict.path)} changed on disk
      </h2>
      <p id="conflict-text">
        Another program changed the sidecar of <strong className="mono">{conflict.path}</strong> after it was opened here. Keep their version and drop your
        changes to this image, or replace their version with yours.
      </p>
      <MyChanges path={conflict.path} />
      {waiting > 0 && <p className="muted small">{waiting === 1 ? '1 more file also changed on disk.' : `${waiting} more files also changed on disk.`}</p>}
      <div className="modal-actions">
        <button type="button" className="btn" disabled={busy} onClick={() => void answer('theirs')}>
          Reload theirs
        </button>
        <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void answer('mine')}>
          Overwrite with mine
        </button>
        <span className="toolbar-spacer" />
        <button type="button" className="btn" disabled={busy} onClick={() => void answer('cancel')} data-autofocus>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
