/**
 * The review of restoring a channel table to before one of its journal records: the rows it
 * puts back, takes out and changes back, by Channel ID, or that it removes the table; or why it
 * cannot (changed since AcqMeta wrote it, earlier text not kept), with nothing to confirm.
 */
import type { ChannelRowChanges } from '../../../shared/channels/channel-diff';
import { journalTime } from '../lib/journal-format';
import { useApp } from '../store';
import { Modal } from '../kit';
import { ModalActions } from '../kit';

/** The rows the restore touches, by Channel ID (its `added` are rows put back: the record took them out). */
function RestoredRows({ rows }: { rows: ChannelRowChanges }) {
  const lines = [
    { what: 'Put back', ids: rows.added },
    { what: 'Taken out', ids: rows.removed },
    { what: 'Changed back', ids: rows.changed },
  ].filter((line) => line.ids.length > 0);
  if (lines.length === 0) return <p className="small">No row changes: only the file’s bytes go back.</p>;
  return (
    <table className="review-table">
      <caption className="modal-label">Rows, by Channel ID</caption>
      <tbody>
        {lines.map((line) => (
          <tr key={line.what}>
            <th scope="row">{line.what}</th>
            <td>{line.ids.join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
    <Modal labelledBy="table-restore-title" describedBy="table-restore-text" onCancel={close} wide>
      <h2 id="table-restore-title" className="modal-title">
        {plan === null ? 'Restore the channel table' : `Restore ${plan.file} to before “${plan.action}”`}
      </h2>
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
      <ModalActions onCancel={close} cancelDisabled={writing} focusCancel={plan === null || refusal !== null}>
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
