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
import { sidecarNames, useApp } from '../store';
import { DataTable, Modal, ModalActions, OldNew, type Column } from '../kit';

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

/** A field a restore writes: its image, its name, the value it gets. */
interface GoingBackRow {
  path: string;
  field: string;
  to: string;
}

const GOING_BACK_COLUMNS: readonly Column<GoingBackRow>[] = [
  { header: 'Image', cell: (row) => row.path },
  { header: 'Field', rowHeader: true, cell: (row) => fieldLabel(row.field) },
  { header: 'Goes back to', className: 'review-new', cell: (row) => row.to },
];

/** Each field a restore writes: image, field, the value it gets. */
function GoingBack({ restores }: { restores: readonly RestoreChanges[] }) {
  const removing = restores.some((r) => r.removeSidecar === true);
  const rows = restores.flatMap((r): GoingBackRow[] => [
    ...Object.entries(r.values).map(([field, value]) => ({ path: r.path, field, to: journalValue(value) })),
    ...r.remove.map((field) => ({ path: r.path, field, to: journalValue(null, true) })),
  ]);
  if (rows.length === 0 && removing) return null;
  if (rows.length === 0) return <p className="muted small">No field goes back without a choice below.</p>;
  return (
    <DataTable
      caption={`${plural(rows.length, 'field')} go back`}
      columns={GOING_BACK_COLUMNS}
      rows={rows}
      rowKey={(row) => `${row.path}/${row.field}`}
    />
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
  const columns: readonly Column<ContestedChoice>[] = [
    { header: 'Image', cell: (c) => c.path },
    { header: 'Field', rowHeader: true, cell: (c) => fieldLabel(c.field) },
    {
      header: 'Now',
      cell: (c) => (
        <>
          <span className="review-old">{journalValue(c.now)}</span>
          <span className="timeline-tool">by “{c.laterAction}”</span>
        </>
      ),
    },
    { header: 'Before this action', className: 'review-new', cell: (c) => journalValue(c.before, c.added) },
    {
      header: 'Take back',
      cell: (c) => (
        <input
          type="checkbox"
          aria-label={`Take back ${fieldLabel(c.field)} of ${c.path}`}
          checked={taken.has(c.key)}
          onChange={() => toggle(c.key)}
        />
      ),
    },
  ];
  return (
    <DataTable
      caption="Changed again later: keep the later value, or take it back too"
      className="restore-contested"
      columns={columns}
      rows={contested}
      rowKey={(c) => c.key}
    />
  );
}

const TAKEN_BACK_COLUMNS: readonly Column<RestoreReview['takenBack'][number]>[] = [
  { header: 'Image', cell: (t) => t.path },
  { header: 'Field', rowHeader: true, cell: (t) => fieldLabel(t.field) },
  { header: 'Action', cell: (t) => `“${t.action}”` },
  { header: 'Old → new', cell: (t) => <OldNew before={journalValue(t.old)} after={journalValue(t.new)} /> },
];

/** Every later change a restore to a point in time takes back. */
function TakenBack({ review }: { review: RestoreReview }) {
  return (
    <DataTable
      caption="Later changes this takes back"
      className="restore-taken-back"
      headless
      columns={TAKEN_BACK_COLUMNS}
      rows={review.takenBack}
      rowKey={(_, i) => String(i)}
      empty="No later change is taken back."
    />
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
    <Modal
      labelledBy="restore-review-title"
      title={undo ? `Undo “${review.action}”` : `Restore to before “${review.action}”`}
      describedBy="restore-review-text"
      onCancel={cancel}
      wide
    >
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
