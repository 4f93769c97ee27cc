/**
 * The folder's channel table writes in the History timeline, newest first: when, who, the
 * action and its table, the rows it added, removed and changed, by Channel ID, and a way back
 * to before it (reviewed first, see `table-restore-dialog.tsx`).
 */
import { describeRowChanges } from '../../../shared/channels/channel-diff';
import type { ChannelTableRecord } from '../../../shared/journal';
import { journalTime, journalTool } from '../lib/journal-format';
import { useApp } from '../store';

/** The table of channel table writes; nothing when there are none. */
export function ChannelTableTimeline({ tables }: { tables: readonly ChannelTableRecord[] | undefined }) {
  const review = useApp((s) => s.reviewTableRestore);
  if (tables === undefined || tables.length === 0) return null;
  return (
    <div className="timeline-scroll">
      <table className="review-table timeline-table channel-timeline">
        <caption className="modal-label">Channel tables written, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Rows</th>
            <th scope="col">
              <span className="sr-only">Restore</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {[...tables].reverse().map((record) => (
            <tr key={record.id}>
              <td className="timeline-when">
                <time dateTime={record.time}>{journalTime(record.time)}</time>
              </td>
              <td>{`${record.user}@${record.host}`}</td>
              <th scope="row" className="timeline-action">
                {record.action}
                <span className="timeline-tool">
                  {record.file} · {journalTool(record.tool)}
                </span>
              </th>
              <td>
                {record.before === null ? 'created: ' : record.after === null ? 'removed: ' : ''}
                {describeRowChanges(record.rows)}
              </td>
              <td className="timeline-restore">
                <button type="button" className="btn btn-small" onClick={() => void review(record.id)}>
                  Restore to before this
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
