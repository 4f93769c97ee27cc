/**
 * The review of a restore from the change journal, before anything changes: "Undo this action"
 * lists the fields that go back and, for each field a later action changed again, both values
 * and a choice; "Restore to before this" lists every later change it takes back.
 */
import { useState } from 'react';
import type { RestoreChanges } from '../../../shared/journal';
import { plural } from '../lib/format';
import { fieldLabel, journalValue } from '../lib/journal-format';
import type { ContestedChoice, RestoreReview } from './journal-review';
import { sidecarNames } from '../store';
import { useApp } from '../store';
import { Modal } from '../kit';
import { ModalActions } from '../kit';

/** The sidecars a restore goes back before the creation of: Save removes them. */
function Removed({ review }: { review: RestoreReview }) {
  const paths = review.restores.filter((r) => r.removeSidecar === true).map((r) => r.path);
  if (paths.length === 0) return null;
  const later = review.contested.some((c) => paths.includes(c.path));
  return (
    <p className="restore-removed">
      Before this action there was no sidecar: Save removes {paths.length === 1 ? 'it' : `these ${paths.length}`}, each
      only while it still holds what AcqMeta wrote: <span className="mono">{sidecarNames(paths)}</span>.
      {later && ' One changed again later is removed only when you take those changes back too.'}
    </p>
  );
}

/** Each field a restore writes: image, field, the value it gets. */
function GoingBack({ restores }: { restores: readonly RestoreChanges[] }) {
  const removing = restores.some((r) => r.removeSidecar === true);
  const rows = restores.flatMap((r) => [
    ...Object.entries(r.values).map(([field, value]) => ({ path: r.path, field, to: journalValue(value) })),
    ...r.remove.map((field) => ({ path: r.path, field, to: journalValue(null, true) })),
  ]);
  if (rows.length === 0 && removing) return null;
  if (rows.length === 0) return <p className="muted small">No field goes back without a choice below.</p>;
  return (
    <table className="review-table">
      <caption className="modal-label">{plural(rows.length, 'field')} go back</caption>
      <thead>
        <tr>
          <th scope="col">Image</th>
          <th scope="col">Field</th>
          <th scope="col">Goes back to</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.path}/${row.field}`}>
            <td>{row.path}</td>
            <th scope="row">{fieldLabel(row.field)}</th>
            <td className="review-new">{row.to}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The contested fields, each with both values and a box to take it back too. */
function Contested({
  contested,
  taken,
  toggle,
}: {
  contested: readonly ContestedChoice[];
  taken: ReadonlySet<string>;
  toggle(key: string): void;
}) {
  if (contested.length === 0) return null;
  return (
    <table className="review-table restore-contested">
      <caption className="modal-label">Changed again later: keep the later value, or take it back too</caption>
      <thead>
        <tr>
          <th scope="col">Image</th>
          <th scope="col">Field</th>
          <th scope="col">Now</th>
          <th scope="col">Before this action</th>
          <th scope="col">Take back</th>
        </tr>
      </thead>
      <tbody>
        {contested.map((c) => (
          <tr key={c.key}>
            <td>{c.path}</td>
            <th scope="row">{fieldLabel(c.field)}</th>
            <td>
              <span className="review-old">{journalValue(c.now)}</span>
              <span className="timeline-tool">by “{c.laterAction}”</span>
            </td>
            <td className="review-new">{journalValue(c.before, c.added)}</td>
            <td>
              <input
                type="checkbox"
                aria-label={`Take back ${fieldLabel(c.field)} of ${c.path}`}
                checked={taken.has(c.key)}
                onChange={() => toggle(c.key)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every later change a restore to a point in time takes back. */
function TakenBack({ review }: { review: RestoreReview }) {
  if (review.takenBack.length === 0) return <p className="muted small">No later change is taken back.</p>;
  return (
    <table className="review-table restore-taken-back">
      <caption className="modal-label">Later changes this takes back</caption>
      <tbody>
        {review.takenBack.map((t, i) => (
          <tr key={i}>
            <td>{t.path}</td>
            <th scope="row">{fieldLabel(t.field)}</th>
            <td>“{t.action}”</td>
            <td>
              <span className="review-old">{journalValue(t.old)}</span> →{' '}
              <span className="review-new">{journalValue(t.new)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The review dialog, while the store has one open. */
export function RestoreReviewDialog() {
  const review = useApp((s) => s.restoreReview);
  const close = useApp((s) => s.closeRestoreReview);
  const confirm = useApp((s) => s.confirmRestore);
  const [taken, setTaken] = useState<ReadonlySet<string>>(new Set());
  if (review === null) return null;
  const toggle = (key: string) =>
    setTaken((now) => {
      const next = new Set(now);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const undo = review.mode === 'undo';
  const cancel = () => {
    setTaken(new Set());
    close();
  };
  return (
    <Modal labelledBy="restore-review-title" describedBy="restore-review-text" onCancel={cancel} wide>
      <h2 id="restore-review-title" className="modal-title">
        {undo ? `Undo “${review.action}”` : `Restore to before “${review.action}”`}
      </h2>
      <p id="restore-review-text" className="muted small">
        {undo
          ? 'Only the fields this action changed go back; later changes of other fields stay.'
          : 'Every field this action or a later one changed goes back to its value before it.'}{' '}
        The result is one undo step, unsaved until Save.
      </p>
      <Removed review={review} />
      <GoingBack restores={review.restores} />
      {undo ? <Contested contested={review.contested} taken={taken} toggle={toggle} /> : <TakenBack review={review} />}
      <ModalActions onCancel={cancel}>
        <button
          type="button"
          className="btn btn-primary"
          data-autofocus
          onClick={() => {
            confirm(taken);
            setTaken(new Set());
          }}
        >
          {undo ? 'Undo this action' : 'Restore to before this'}
        </button>
      </ModalActions>
    </Modal>
  );
}
