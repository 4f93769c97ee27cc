/**
 * The columns every table of the History timeline shares (the sidecars' actions, channel tables,
 * dataset values, header writes): when, who, and the action with the tool, and file, that did
 * it; and the button back to before a write.
 */
import type { ReactNode } from 'react';
import { journalTime, journalTool } from '../lib/journal-format';
import type { Column } from './data-table';

/** What the shared columns say of one row of a History table. */
export interface TimelineEntry {
  time: string;
  who: string;
  action: ReactNode;
  /** The program that wrote it (`acqmeta`, `acqmeta-app`, …). */
  tool: string;
  /** The file written, in a table of several files' writes. */
  file?: string;
}

/** The When, Who and Action columns of a History table whose rows `entryOf` tells. */
export function timelineColumns<T>(entryOf: (row: T) => TimelineEntry): Column<T>[] {
  return [
    {
      header: 'When',
      className: 'timeline-when',
      cell: (row) => {
        const { time } = entryOf(row);
        return <time dateTime={time}>{journalTime(time)}</time>;
      },
    },
    { header: 'Who', cell: (row) => entryOf(row).who },
    {
      header: 'Action',
      rowHeader: true,
      className: 'timeline-action',
      cell: (row) => {
        const { action, tool, file } = entryOf(row);
        return (
          <>
            {action}
            <span className="timeline-tool">
              {file === undefined ? '' : `${file} · `}
              {journalTool(tool)}
            </span>
          </>
        );
      },
    },
  ];
}

/** The last column of a History table: "Restore to before this", calling `onRestore` with the row. */
export function restoreColumn<T>(onRestore: (row: T) => void): Column<T> {
  return {
    header: <span className="sr-only">Restore</span>,
    className: 'timeline-restore',
    cell: (row) => (
      <button type="button" className="btn btn-small" onClick={() => onRestore(row)}>
        Restore to before this
      </button>
    ),
  };
}
