/**
 * Asks what to do when a sidecar changed on disk since it was read, showing field by field
 * the value both started from, theirs and mine, and what "Overwrite with mine" would keep.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ImageRow } from '../../../../shared/api';
import { EDITABLE_FIELDS } from '../../../../shared/fields/field-table';
import { changesOf, type PathEdits } from '../../store/logic/edit-logic';
import { useApp, useAppStore } from '../../store/store-context';
import { baseName, displayValue } from '../../lib/format';
import { Modal } from './modal';
import { ModalActions } from './modal-actions';

/** One field either side changed. */
interface Difference {
  name: string;
  label: string;
  base: string;
  theirs: string | null;
  mine: string | null;
  /** What the file holds after "Overwrite with mine". */
  outcome: 'mine' | 'theirs kept' | 'both changed: mine';
}

/** The fields I edited or they changed, in field-table order. */
function differences(row: ImageRow, edits: PathEdits | undefined, theirs: ImageRow | null): Difference[] {
  const mine = changesOf(row, edits);
  const result: Difference[] = [];
  for (const spec of EDITABLE_FIELDS) {
    const base = row.values[spec.name];
    const their = theirs?.values[spec.name];
    const theyChanged = theirs !== null && their !== base;
    const iChanged = spec.name in mine;
    if (!theyChanged && !iChanged) continue;
    result.push({
      name: spec.name,
      label: spec.displayName,
      base: displayValue(base),
      theirs: theyChanged ? displayValue(their) : null,
      mine: iChanged ? displayValue(mine[spec.name]) : null,
      outcome: !iChanged ? 'theirs kept' : theyChanged && their !== mine[spec.name] ? 'both changed: mine' : 'mine',
    });
  }
  return result;
}

function Comparison({ path }: { path: string }) {
  const store = useAppStore();
  const theirs = useApp((s) => s.theirs[path]);
  const row = useApp((s) => s.rows[path]);
  const edits = useApp((s) => s.edits[path]);
  const rows = useMemo(
    () => (row ? differences(row, edits, theirs?.status === 'ready' ? theirs.value : null) : []),
    [row, edits, theirs],
  );
  useEffect(() => {
    void store.getState().loadTheirs(path);
  }, [store, path]);
  const unchanged = '—';
  return (
    <>
      <table className="review-table conflict-table">
        <caption className="modal-label">Field by field</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Both started from</th>
            <th scope="col">Theirs (on disk)</th>
            <th scope="col">Mine</th>
            <th scope="col">After “Overwrite with mine”</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.name} className={d.outcome === 'both changed: mine' ? 'is-clash' : undefined}>
              <th scope="row">{d.label}</th>
              <td>{d.base}</td>
              <td>{d.theirs ?? unchanged}</td>
              <td>{d.mine ?? unchanged}</td>
              <td>
                {d.outcome === 'theirs kept'
                  ? `theirs kept (${d.theirs})`
                  : d.outcome === 'mine'
                    ? `mine (${d.mine})`
                    : `mine replaces theirs (${d.mine})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {theirs?.status === 'loading' && <p className="muted small">Reading their file…</p>}
      {theirs?.status === 'error' && <p className="small">Their file could not be read: {theirs.message}</p>}
    </>
  );
}

/** The conflict dialog, shown while a conflict waits for an answer (after any review or report). */
export function ConflictDialog() {
  const store = useAppStore();
  const conflict = useApp((s) => (s.review === null && s.saveReport === null ? (s.conflicts[0] ?? null) : null));
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
    <Modal labelledBy="conflict-title" describedBy="conflict-text" onCancel={() => void answer('cancel')} wide>
      <h2 id="conflict-title" className="modal-title">
        {baseName(conflict.path)} changed on disk
      </h2>
      <p id="conflict-text">
        Another program changed the sidecar of <strong className="mono">{conflict.path}</strong> after it was opened
        here. Keep their version and drop your changes to this image, or write the fields you changed over their version
        (their other changes are kept).
      </p>
      <Comparison path={conflict.path} />
      {waiting > 0 && (
        <p className="muted small">
          {waiting === 1 ? '1 more file also changed on disk.' : `${waiting} more files also changed on disk.`}
        </p>
      )}
      <ModalActions onCancel={() => void answer('cancel')} cancelDisabled={busy} focusCancel>
        <button type="button" className="btn" disabled={busy} onClick={() => void answer('theirs')}>
          Reload theirs
        </button>
        <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void answer('mine')}>
          Overwrite with mine
        </button>
      </ModalActions>
    </Modal>
  );
}
