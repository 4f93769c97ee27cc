/**
 * Asks what to do when a sidecar changed on disk since it was read, showing field by field
 * the value both started from, theirs and mine, and letting the user keep theirs or mine for
 * each field they edited.
 */
import { useEffect, useMemo, useState } from 'react';
import { baseName } from '../../../shared/columns';
import { fieldDifferences, useApp, useAppStore } from '../store';
import { displayValue } from '../lib/format';
import { DataTable, Modal, ModalActions, type Column } from '../kit';
import { DamagedChoice } from './damaged-choice';

/** One field either side changed since the version both started from. */
type FieldDifference = ReturnType<typeof fieldDifferences>[number];

/** Each field I changed: whether theirs is kept instead of mine. */
interface ChoiceProps {
  keepTheirs: ReadonlySet<string>;
  onChange(name: string, theirs: boolean): void;
}

/** The columns of the comparison: the field, its three values, and which is kept. */
function comparisonColumns({ keepTheirs, onChange }: ChoiceProps): readonly Column<FieldDifference>[] {
  const unchanged = '—';
  return [
    { header: 'Field', rowHeader: true, cell: (d) => d.label },
    { header: 'Both started from', cell: (d) => displayValue(d.base) },
    { header: 'Theirs (on disk)', cell: (d) => (d.theirs === undefined ? unchanged : displayValue(d.theirs)) },
    { header: 'Mine', cell: (d) => (d.mine === undefined ? unchanged : displayValue(d.mine)) },
    {
      header: 'Keep',
      cell: (d) =>
        d.mine === undefined ? (
          `theirs (${displayValue(d.theirs)})`
        ) : (
          <span className="keep-choice" role="radiogroup" aria-label={`${d.label}: keep`}>
            <label>
              <input
                type="radio"
                name={`keep-${d.name}`}
                checked={!keepTheirs.has(d.name)}
                onChange={() => onChange(d.name, false)}
              />
              mine
            </label>
            <label>
              <input
                type="radio"
                name={`keep-${d.name}`}
                checked={keepTheirs.has(d.name)}
                onChange={() => onChange(d.name, true)}
              />
              theirs
            </label>
          </span>
        ),
    },
  ];
}

function Comparison({ path, keepTheirs, onChange }: { path: string } & ChoiceProps) {
  const store = useAppStore();
  const theirs = useApp((s) => s.theirs[path]);
  const row = useApp((s) => s.rows[path]);
  const edits = useApp((s) => s.edits[path]);
  const rows = useMemo(
    () => (row ? fieldDifferences(row, edits, theirs?.status === 'ready' ? theirs.value : null) : []),
    [row, edits, theirs],
  );
  useEffect(() => {
    void store.getState().loadTheirs(path);
  }, [store, path]);
  return (
    <>
      <DataTable
        caption="Field by field: choose what each field keeps"
        className="conflict-table"
        columns={comparisonColumns({ keepTheirs, onChange })}
        rows={rows}
        rowKey={(d) => d.name}
        rowClass={(d) =>
          d.mine !== undefined && d.theirs !== undefined && d.mine !== d.theirs ? 'is-clash' : undefined
        }
      />
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
  const [keepTheirs, setKeepTheirs] = useState<ReadonlySet<string>>(new Set());
  if (!conflict) return null;
  const answer = async (choice: 'theirs' | 'mine' | 'cancel') => {
    setBusy(true);
    try {
      await store.getState().resolveConflict(choice, keepTheirs);
    } finally {
      setBusy(false);
      setKeepTheirs(new Set());
    }
  };
  const choose = (name: string, theirs: boolean) =>
    setKeepTheirs((keep) => {
      const next = new Set(keep);
      if (theirs) next.add(name);
      else next.delete(name);
      return next;
    });
  if (conflict.kind === 'damaged')
    return <DamagedChoice conflict={conflict} busy={busy} answer={(choice) => void answer(choice)} />;
  return (
    <Modal
      labelledBy="conflict-title"
      title={`${baseName(conflict.path)} changed on disk`}
      describedBy="conflict-text"
      onCancel={() => void answer('cancel')}
      busy={busy}
      wide
    >
      <p id="conflict-text">
        Another program changed the sidecar of <strong className="mono">{conflict.path}</strong> after it was opened
        here. Keep their version and drop your changes to this image, or write the fields you changed over their version
        (their other changes are kept), choosing field by field.
      </p>
      <Comparison path={conflict.path} keepTheirs={keepTheirs} onChange={choose} />
      {waiting > 0 && (
        <p className="muted small">
          {waiting === 1 ? '1 more file also changed on disk.' : `${waiting} more files also changed on disk.`}
        </p>
      )}
      <ModalActions onCancel={() => void answer('cancel')} focusCancel>
        <button type="button" className="btn" disabled={busy} onClick={() => void answer('theirs')}>
          Reload theirs
        </button>
        <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void answer('mine')}>
          {keepTheirs.size === 0 ? 'Overwrite with mine' : 'Save these choices'}
        </button>
      </ModalActions>
    </Modal>
  );
}
