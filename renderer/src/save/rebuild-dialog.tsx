/**
 * The review of rebuilding a damaged (or deleted) sidecar from the change journal: every value
 * the new sidecar will hold and where each comes from (a journal record, or the image's
 * header), then one write through the save path, the damaged file kept beside it.
 */
import { useMemo, useState } from 'react';
import type { HeaderValues, ImageRow, SaveRequest } from '../../../shared/api';
import { rebuildFromJournal, type JournalRecord, type RebuildLine, type RebuildPlan } from '../../../shared/journal';
import { displayValue } from '../lib/format';
import { fieldLabel, journalTime } from '../lib/journal-format';
import { useAppStore } from '../store';
import { sidecarNameShownFor } from '../../../shared/sidecar-location';
import { DataTable, Modal, ModalActions, type Column } from '../kit';

/** The action the change journal records for a rebuild. */
const REBUILD_ACTION = 'Rebuild from journal';

/** The save that writes `plan` over the damaged sidecar of `row` (kept beside it), or creates its deleted one. */
function rebuildRequest(row: ImageRow, plan: RebuildPlan): SaveRequest {
  const save = { path: row.path, changes: plan.changes, action: REBUILD_ACTION };
  return row.sidecar === 'invalid'
    ? { ...save, expected: row.version, replaceDamaged: {} }
    : { ...save, expected: null, create: true };
}

/** Where a value of the rebuilt sidecar comes from, in words. */
function sourceOf({ from }: RebuildLine): string {
  if (from === 'header') return 'the image header';
  return from === 'default' ? 'a new sidecar' : `${from.action}, ${journalTime(from.time)}`;
}

/** The columns of the values the new sidecar will hold. */
const LINE_COLUMNS: readonly Column<RebuildLine>[] = [
  { header: 'Field', rowHeader: true, cell: (line) => fieldLabel(line.field) },
  { header: 'Value', cell: (line) => displayValue(line.value) },
  { header: 'From', className: 'muted', cell: sourceOf },
];

/** The rebuild's review for the image of `row` (its header known), from its journal `records`. */
export function RebuildDialog({
  row,
  header,
  records,
  onClose,
}: {
  row: ImageRow;
  header: HeaderValues;
  records: readonly JournalRecord[];
  onClose(): void;
}) {
  const store = useAppStore();
  const [busy, setBusy] = useState(false);
  const plan = useMemo(() => rebuildFromJournal(records, header, row.fileCalibration), [records, header, row]);
  const sidecar = sidecarNameShownFor(row.path);
  const damaged = row.sidecar === 'invalid';
  const rebuild = async () => {
    setBusy(true);
    const done = await store.getState().writeSaves([rebuildRequest(row, plan)]);
    setBusy(false);
    for (const failure of done?.failures ?? []) store.getState().notify('error', failure.message);
    if (done === null || done.saved === 0) return;
    if (!damaged) store.getState().notify('success', `Rebuilt ${sidecar} from the change journal.`);
    onClose();
  };
  return (
    <Modal
      labelledBy="rebuild-title"
      title={<>Rebuild {sidecar} from the journal</>}
      describedBy="rebuild-text"
      onCancel={onClose}
      busy={busy}
      wide
    >
      <div id="rebuild-text">
        <p>
          A new {sidecar} is written from the image’s header, with each field’s last value the change journal knows.
          {damaged && (
            <>
              {' '}
              The damaged file is kept beside it, unchanged, as <span className="mono">{sidecar}.damaged-</span>
              <em>date and time</em>; ROIs and analysis results it may hold stay in that copy.
            </>
          )}
        </p>
        <p className="muted small">
          It is written at once and journaled as “{REBUILD_ACTION}”; it is not a step of Undo.
        </p>
      </div>
      <DataTable
        caption="Values the new sidecar will hold"
        className="rebuild-table"
        columns={LINE_COLUMNS}
        rows={plan.lines}
        rowKey={(line) => line.field}
      />
      <ModalActions onCancel={onClose} focusCancel>
        <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void rebuild()}>
          {damaged ? `Replace ${sidecar}` : `Write ${sidecar}`}
        </button>
      </ModalActions>
    </Modal>
  );
}
