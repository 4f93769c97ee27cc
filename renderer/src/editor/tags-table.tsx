/** The "All tags" table of the first IFD. */
import type { TagEntry } from '../../../shared/api';

/** `LONG`, or `LONG × 2` when the tag holds several values (ASCII counts bytes). */
function typeText(tag: TagEntry): string {
  return tag.count === 1 ? tag.type : `${tag.type} × ${tag.count}`;
}

/**
 * Name and code, type and count, and value of every tag; long values are clipped, in full on hover.
 * The scrolling box is a Tab stop, so it scrolls with the keyboard too.
 */
export function TagsTable({ tags }: { tags: readonly TagEntry[] }) {
  if (tags.length === 0) return <p className="muted small">No tags.</p>;
  return (
    <div className="tags-scroll" tabIndex={0} role="region" aria-label="All tags">
      <table className="tags-table">
        <thead>
          <tr>
            <th scope="col">Tag</th>
            <th scope="col">Type</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {tags.map((tag) => (
            <tr key={tag.code}>
              <th scope="row" className="tag-name" title={`${tag.name} (tag ${tag.code})`}>
                {tag.name}
                <span className="tag-code">{tag.code}</span>
              </th>
              <td className="muted tag-type">{typeText(tag)}</td>
              <td className="mono" title={tag.value}>
                <span className="tag-value">{tag.value}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
