/** The "All tags" table of the first IFD. */
import type { TagEntry } from '../../../shared/api';
import { DataTable, type Column } from '../kit';

/** `LONG`, or `LONG × 2` when the tag holds several values (ASCII counts bytes). */
function typeText(tag: TagEntry): string {
  return tag.count === 1 ? tag.type : `${tag.type} × ${tag.count}`;
}

/** Name and code, type and count, value (clipped: its title holds it all). */
const COLUMNS: readonly Column<TagEntry>[] = [
  {
    header: 'Tag',
    rowHeader: true,
    className: 'tag-name',
    title: (tag) => `${tag.name} (tag ${tag.code})`,
    cell: (tag) => (
      <>
        {tag.name}
        <span className="tag-code">{tag.code}</span>
      </>
    ),
  },
  { header: 'Type', className: 'muted tag-type', cell: typeText },
  {
    header: 'Value',
    className: 'mono',
    title: (tag) => tag.value,
    cell: (tag) => <span className="tag-value">{tag.value}</span>,
  },
];

/**
 * Name and code, type and count, and value of every tag; long values are clipped, in full on hover.
 * The scrolling box is a Tab stop, so it scrolls with the keyboard too.
 */
export function TagsTable({ tags }: { tags: readonly TagEntry[] }) {
  if (tags.length === 0) return <p className="muted small">No tags.</p>;
  return (
    <div className="tags-scroll" tabIndex={0} role="region" aria-label="All tags">
      <DataTable plain className="tags-table" columns={COLUMNS} rows={tags} rowKey={(tag) => String(tag.code)} />
    </div>
  );
}
