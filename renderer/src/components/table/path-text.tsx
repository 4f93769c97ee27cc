/** An image's relative path as the table shows it, shortened in the middle when its column is narrow. */
import { splitPath } from '../../lib/format';

/** The outer folders give way first, then the file's folder, the name last (see table.css). */
export function PathText({ path }: { path: string }) {
  const { outer, inner, name } = splitPath(path);
  return (
    <>
      {outer && <span className="path-outer">{outer}</span>}
      {inner && <span className="path-inner">{inner}</span>}
      <span className="path-name">{name}</span>
    </>
  );
}
