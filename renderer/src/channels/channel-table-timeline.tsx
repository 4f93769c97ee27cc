/**
 * The folder's channel table writes in the History timeline, newest first: when, who, the
 * action and its table, the rows it added, removed and changed, by Channel ID, and a way back
 * to before it (reviewed first, see `table-restore-dialog.tsx`).
 */
import { describeRowChanges } from '../../../shared/channels/channel-diff';
import type { ChannelTableRecord } from '../../../shared/journal';
import { personOf } from '../lib/journal-format';
import { useApp } from '../store';
import { DataTable, restoreColumn, timelineColumns } from '../kit';

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
          ...timelineColumns((record: ChannelTableRecord) => ({
            time: record.time,
            who: personOf(record),
            action: record.action,
            tool: record.tool,
            file: record.file,
          })),
          {
            header: 'Rows',
            cell: (record) => (
              <>
                {record.before === null ? 'created: ' : record.after === null ? 'removed: ' : ''}
                {describeRowChanges(record.rows)}
              </>
            ),
          },
          restoreColumn<ChannelTableRecord>((record) => void review(record.id)),
        ]}
      />
    </div>
  );
}
