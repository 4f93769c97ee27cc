/**
 * The open folder's dataset file writes in the History timeline, newest first: when, who, the
 * action, what it set or removed and which people it added, and a way back to before it (the
 * backend's restore, as `acqmeta restore --before` does).
 */
import type { InstrumentFileRecord } from '../../../shared/journal';
import { journalTime, journalTool } from '../lib/journal-format';
import { useApp } from '../store';
import { DataTable } from '../kit';
import { datasetChangeText, isDatasetRecord } from './dataset-changes';

/** The table of dataset file writes among `records` (the journal's file records); nothing when there are none. */
export function DatasetTimeline({ records }: { records: readonly InstrumentFileRecord[] | undefined }) {
  const restore = useApp((s) => s.restoreDatasetWrite);
  const writes = (records ?? []).filter(isDatasetRecord);
  if (writes.length === 0) return null;
  return (
    <div className="timeline-scroll">
      <DataTable
        caption="Dataset values written, newest first"
        className="timeline-table dataset-timeline"
        rows={[...writes].reverse()}
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
          { header: 'Changes', cell: datasetChangeText },
          {
            header: <span className="sr-only">Restore</span>,
            className: 'timeline-restore',
            cell: (record) => (
              <button type="button" className="btn btn-small" onClick={() => void restore(record.id, record.action)}>
                Restore to before this
              </button>
            ),
          },
        ]}
      />
    </div>
  );
}
