/**
 * The calibrations written into the images' own headers, in the folder's History: one action per
 * batch (one run of `acqmeta calibrate`, one "Write calibration into image files…"), newest
 * first, by its name, with its images and the header values it set. Each write is undone from
 * its image's History (the editor's), where the file is put back byte for byte.
 */
import type { HeaderWriteRecord } from '../../../shared/journal';
import { plural } from '../lib/format';
import { personOf } from '../lib/journal-format';
import { DataTable, timelineColumns } from '../kit';

/** One batch of header writes. */
interface HeaderBatch {
  id: string;
  time: string;
  action: string;
  tool: string;
  people: string[];
  images: number;
  values: string[];
}

/** The batches of `records` (oldest first), newest first. */
function headerBatches(records: readonly HeaderWriteRecord[]): HeaderBatch[] {
  const batches = new Map<string, HeaderBatch>();
  for (const record of records) {
    const batch = batches.get(record.batch) ?? {
      id: record.batch,
      time: record.time,
      action: record.action,
      tool: record.tool,
      people: [],
      images: 0,
      values: [],
    };
    batch.images += 1;
    if (!batch.people.includes(personOf(record))) batch.people.push(personOf(record));
    for (const { value } of record.values) if (!batch.values.includes(value)) batch.values.push(value);
    batches.set(record.batch, batch);
  }
  return [...batches.values()].reverse();
}

/** The header writes of the folder's History; nothing when there are none. */
export function HeaderWriteTimeline({ headers }: { headers: readonly HeaderWriteRecord[] | undefined }) {
  if (headers === undefined || headers.length === 0) return null;
  return (
    <div className="timeline-scroll">
      <DataTable
        caption="Calibrations written into image files, newest first"
        className="timeline-table header-timeline"
        rows={headerBatches(headers)}
        rowKey={(batch) => batch.id}
        columns={[
          ...timelineColumns((batch: HeaderBatch) => ({
            time: batch.time,
            who: batch.people.join(', '),
            action: batch.action,
            tool: batch.tool,
          })),
          {
            header: 'Images',
            className: 'num',
            headerClassName: 'num',
            cell: (batch) => plural(batch.images, 'image'),
          },
          { header: 'Header values', cell: (batch) => batch.values.join(', ') },
        ]}
      />
    </div>
  );
}
