/** The "All tags" table of the first IFD. */
import type { TagEntry } from '../../../../shared/api';

/** Code, name, type, count and value of every tag. */
export function TagsTable({ tags }: { tags: readonly TagEntry[] }) {
  if (tags.length === 0) return <p className="muted small">No tags.</p>;
  return (
    <div className="tags-scroll">
      <table className="tags-table">
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col" className="align-end">
              Count
            </th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {tags.map((tag) => (
            <tr key={tag.code}>
              <td className="mono">{tag.code}</td>
              <td>{tag.name}</td>
              <td className="muted">{tag.type}</td>
              <td className="align-end">{tag.count}</td>
              <td className="mono tag-value">{tag.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
