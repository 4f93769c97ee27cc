/**
 * The conflict dialog for a sidecar that another program left damaged while it had unsaved
 * edits here: keep the edits and leave the file, or write the version read plus the edits over
 * it, the damaged file kept beside it. The button names the file it replaces.
 */
import { EDITABLE_FIELDS, type FieldSpec, type FieldValues } from '../../../shared/fields/field-table';
import { changesOf, type Conflict, useApp } from '../store';
import { sidecarNameShownFor } from '../../../shared/sidecar-location';
import { displayValue } from '../lib/format';
import { DataTable, Modal, ModalActions, type Column } from '../kit';

/** What the dialog does with the answer. */
interface DamagedChoiceProps {
  conflict: Conflict;
  busy: boolean;
  answer(choice: 'mine' | 'cancel'): void;
}

/** The columns of my edits: each field's name and the value I gave it. */
function editColumns(mine: FieldValues): readonly Column<FieldSpec>[] {
  return [
    { header: 'Field', rowHeader: true, cell: (spec) => spec.displayName },
    { header: 'Mine', cell: (spec) => displayValue(mine[spec.name]) },
  ];
}

/** The dialog: title, explanation, my edits, and the two answers. */
export function DamagedChoice({ conflict, busy, answer }: DamagedChoiceProps) {
  const row = useApp((s) => s.rows[conflict.path]);
  const edits = useApp((s) => s.edits[conflict.path]);
  const mine = row ? changesOf(row, edits) : {};
  const sidecar = sidecarNameShownFor(conflict.path);
  return (
    <Modal
      labelledBy="conflict-title"
      title={`${sidecar} is damaged on disk`}
      describedBy="conflict-text"
      onCancel={() => answer('cancel')}
      busy={busy}
      wide
    >
      <div id="conflict-text">
        <p>
          Another program changed the sidecar of <strong className="mono">{conflict.path}</strong> after it was opened
          here, and it can no longer be read: <span className="mono">{conflict.message}</span>
        </p>
        <p>
          AcqMeta still holds every field of the version it read, and your edits. It can write {sidecar} anew from the
          image’s header with those values. The damaged file is kept beside it, unchanged, as{' '}
          <span className="mono">{sidecar}.damaged-</span>
          <em>date and time</em>. ROIs and analysis results are not rebuilt: whatever of them the damaged file holds
          stays in that copy.
        </p>
      </div>
      <DataTable
        caption="Your edits"
        headless
        columns={editColumns(mine)}
        rows={EDITABLE_FIELDS.filter((spec) => spec.name in mine)}
        rowKey={(spec) => spec.name}
      />
      <ModalActions onCancel={() => answer('cancel')} cancelLabel="Keep my edits, leave the file" focusCancel>
        <button type="button" className="btn btn-danger" disabled={busy} onClick={() => answer('mine')}>
          Write {sidecar} from my version
        </button>
      </ModalActions>
    </Modal>
  );
}
