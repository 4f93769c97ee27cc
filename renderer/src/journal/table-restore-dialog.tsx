/**
 * The review of restoring a channel table to before one of its journal records: the rows it
 * puts back, takes out and changes back, by Channel ID, or that it removes the table; or why it
 * cannot (changed since AcqMeta wrote it, earlier text not kept), with nothing to confirm.
 */
import type { ChannelRowChanges } from '../../../shared/channels/channel-diff';
import { journalTime } from '../lib/journal-format';
import { useApp } from '../store';
import { DataTable, Modal, ModalActions, type Column } from '../kit';

/** A line of the rows: what happens to them and their Channel IDs. */
interface RowsLine {
  what: string;
  ids: readonly string[];
}

const ROW_COLUMNS: readonly Column<RowsLine>[] = [
  { header: 'Rows', rowHeader: true, cell: (line) => line.what },
  { header: 'Channel IDs', cell: (line) => line.ids.join(', ') },
];

/** The rows the restore touches, by Channel ID (its `added` are rows put back: the record took them out). */
function RestoredRows({ rows }: { rows: ChannelRowChanges }) {
  const lines: RowsLine[] = [
    { what: 'Put back', ids: rows.added },
    { what: 'Taken out', ids: rows.removed },
    { what: 'Changed back', ids: rows.changed },
  ].filter((line) => line.ids.length > 0);
  if (lines.length === 0) return <p className="small">No row changes: only the file’s bytes go back.</p>;
  return (
    <DataTable caption="Rows, by Channel ID" headless columns={ROW_COLUMNS} rows={lines} rowKey={(line) => line.what} />
  );
}

/** The review dialog, while the store has one open. */
export function TableRestoreDialog() {
  const review = useApp((s) => s.tableRestore);
  const close = useApp((s) => s.closeTableRestore);
  const confirm = useApp((s) => s.confirmTableRestore);
  if (review === null) return null;
  const { plan, failure, writing } = review;
  const refusal = plan?.refusal ?? null;
  const problem = refusal?.message ?? failure;
  return (
    <Modal
      labelledBy="table-restore-title"
      title={plan === null ? 'Restore the channel table' : `Restore ${plan.file} to before “${plan.action}”`}
      describedBy="table-restore-text"
      onCancel={close}
      busy={writing}
      wide
    >
      <p id="table-restore-text" className="muted small">
        {plan === null
          ? 'Reading the change journal…'
          : `Written ${journalTime(plan.time)}. The table goes back to its bytes before that write, at once, and the restore is journaled. Undo does not take it back: restore to before the restore’s own record.`}
      </p>
      {plan !== null &&
        refusal === null &&
        (plan.removes ? (
          <p className="small">Removes the table: this write created it.</p>
        ) : (
          <RestoredRows rows={plan.rows} />
        ))}
      {problem !== null && (
        <p className="form-error small" role="alert">
          Cannot restore: {problem}
        </p>
      )}
      <ModalActions onCancel={close} focusCancel={plan === null || refusal !== null}>
        <button
          type="button"
          className="btn btn-primary"
          disabled={plan === null || refusal !== null || writing}
          {...(plan !== null && refusal === null ? { 'data-autofocus': true } : {})}
          onClick={() => void confirm()}
        >
          {writing ? 'Restoring…' : 'Restore'}
        </button>
      </ModalActions>
    </Modal>
  );
}
