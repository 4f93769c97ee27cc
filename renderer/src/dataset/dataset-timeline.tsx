/**
 * The open folder's dataset file writes in the History timeline, newest first: when, who, the
 * action, what it set or removed and which people it added, and a way back to before it (the
 * backend's restore, as `acqmeta restore --before` does).
 */
import type { InstrumentFileRecord } from '../../../shared/journal';
import { personOf } from '../lib/journal-format';
import { useApp } from '../store';
import { DataTable, restoreColumn, timelineColumns } from '../kit';
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
          ...timelineColumns((record: InstrumentFileRecord) => ({
            time: record.time,
            who: personOf(record),
            action: record.action,
            tool: record.tool,
            file: record.file,
          })),
          { header: 'Changes', cell: datasetChangeText },
          restoreColumn<InstrumentFileRecord>((record) => void restore(record.id, record.action)),
        ]}
      />
    </div>
  );
}
