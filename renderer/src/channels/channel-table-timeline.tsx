/**
 * The folder's channel table writes in the History timeline, newest first: when, who, the
 * action and its table, the rows it added, removed and changed, by Channel ID, and a way back
 * to before it (reviewed first, see `table-restore-dialog.tsx`).
 */
import { describeRowChanges } from '../../../shared/channels/channel-diff';
import type { ChannelTableRecord } from '../../../shared/journal';
import { journalTime, journalTool } from '../lib/journal-format';
import { useApp } from '../store';
import { DataTable } from '../kit';

/** The table of channel table writes; nothing when there are none. */
export function ChannelTableTimeline({ tables }: { tables: readonly ChannelTableRecord[] | undefined }) {
  const review = useApp((s) => s.reviewTableRestore);
  if (tables === undefined || tables.length === 0) return null;
  return (
    <div className="timeline-scroll">
      <DataTable
        caption="Channel tables written, newest first"
        className="timeline-table channel-timeline"
        rows={[...tables].reverse()}
        rowKey={(record) => record.id}
        columns={[
          {
            header: 'When',
            className: 'timeline-when',
            cell: (record) => <time dateTime={record.time}>{journalTime(record.time)}</time>,
          },
          { header: 'Who', cell: (record) => `${record.user}@${record.host}` },
          {
            header: 'Action',
            rowHeader: true,
            className: 'timeline-action',
            cell: (record) => (
              <>
                {record.action}
                <span className="timeline-tool">
                  {record.file} · {journalTool(record.tool)}
                </span>
              </>
            ),
          },
          {
            header: 'Rows',
            cell: (record) => (
              <>
                {record.before === null ? 'created: ' : record.after === null ? 'removed: ' : ''}
                {describeRowChanges(record.rows)}
              </>
            ),
          },
          {
            header: <span className="sr-only">Restore</span>,
            className: 'timeline-restore',
            cell: (record) => (
              <button type="button" className="btn btn-small" onClick={() => void review(record.id)}>
                Restore to before this
              </button>
            ),
          },
        ]}
      />
    </div>
  );
}
