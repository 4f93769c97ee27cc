/**
 * The reviews' list of changes: grouped (by field, by image), each change old → new with how
 * many it concerns, a group's changes past the first few counted on one line.
 */
import type { ReactNode } from 'react';
import { DataTable, type Column } from './data-table';
import { OldNew } from './old-new';

/** One change of a group: its old and new value, the cells before them, how many it concerns. */
export interface ReviewChange {
  key: string;
  before: ReactNode;
  after: ReactNode;
  cells?: readonly ReactNode[];
  count?: number;
}

/** The changes under one heading (a field, an image). */
export interface ReviewGroup {
  key: string;
  label: ReactNode;
  changes: readonly ReviewChange[];
}

interface ReviewListProps {
  caption: ReactNode;
  groups: readonly ReviewGroup[];
  /** The header of the groups' column (`Field`). */
  groupHeader: ReactNode;
  /** Headers of the columns between the group and the change (`Where`). */
  cellHeaders?: readonly ReactNode[];
  changeHeader?: ReactNode;
  /** The header of the count column (`Images`); without it there is none. */
  countHeader?: ReactNode;
  /** Changes listed per group before the rest are counted on one line, worded by `rest`. */
  shown?: number;
  rest?: (hidden: number) => ReactNode;
  className?: string;
}

/** A line of the list: a change, or the count of a group's changes not listed. */
interface Line {
  group: ReviewGroup;
  first: boolean;
  change: ReviewChange | null;
  hidden: number;
  count: number | undefined;
}

/** The lines of `groups`, at most `shown` changes of each and then one for the rest. */
function lines(groups: readonly ReviewGroup[], shown: number): Line[] {
  return groups.flatMap((group) => {
    const listed: Line[] = group.changes
      .slice(0, shown)
      .map((change, i) => ({ group, first: i === 0, change, hidden: 0, count: change.count }));
    const rest = group.changes.slice(shown);
    if (rest.length === 0) return listed;
    const count = rest.reduce((n, change) => n + (change.count ?? 0), 0);
    return [...listed, { group, first: false, change: null, hidden: rest.length, count }];
  });
}

/** The changes of `groups` as one table. */
export function ReviewList(props: ReviewListProps) {
  const { caption, groups, groupHeader, cellHeaders = [], changeHeader = 'Old → new', countHeader } = props;
  const { shown = Infinity, rest = (hidden: number) => `${hidden} more`, className } = props;
  const columns: Column<Line>[] = [
    { header: groupHeader, rowHeader: true, cell: (line) => (line.first ? line.group.label : '') },
    ...cellHeaders.map((header, c): Column<Line> => ({ header, cell: (line) => line.change?.cells?.[c] })),
    {
      header: changeHeader,
      cell: (line) =>
        line.change === null ? (
          <span className="muted">{rest(line.hidden)}</span>
        ) : (
          <OldNew before={line.change.before} after={line.change.after} />
        ),
    },
    ...(countHeader === undefined
      ? []
      : [{ header: countHeader, className: 'num', headerClassName: 'num', cell: (line: Line) => line.count }]),
  ];
  return (
    <DataTable
      caption={caption}
      className={className}
      columns={columns}
      rows={lines(groups, shown)}
      rowKey={(line) => `${line.group.key}\u0000${line.change?.key ?? '\u0001rest'}`}
    />
  );
}
