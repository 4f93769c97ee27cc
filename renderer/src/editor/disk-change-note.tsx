/**
 * Says, in the editor, that the image changed or went away on disk while it had unsaved edits,
 * and what the other program changed, field by field, as soon as the change is seen.
 */
import { activeMark, type DiskMark, fieldDifferences, useApp } from '../store';
import { displayValue } from '../lib/format';

/** What the note says of a sidecar changed on disk: its damage, or the fields they changed. */
function TheirChanges({ mark, path }: { mark: DiskMark; path: string }) {
  const edits = useApp((s) => s.edits[path]);
  if (mark.theirs?.sidecar === 'invalid')
    return (
      <p className="small">
        Another program changed this sidecar, and it can no longer be read. Your edits are kept; saving will ask whether
        to leave the damaged file alone or to write the version read here, with your edits, in its place.
      </p>
    );
  const theirs = fieldDifferences(mark.row, edits, mark.theirs).filter((d) => d.theirs !== undefined);
  return (
    <>
      <p className="small">
        Another program changed this sidecar while you were editing it. Your edits are kept; saving will let you choose,
        field by field, between their values and yours.
      </p>
      {theirs.length > 0 && (
        <ul className="small disk-change-list" aria-label="Changed on disk">
          {theirs.map((d) => (
            <li key={d.name}>
              {d.label}: {displayValue(d.base)} → <strong>{displayValue(d.theirs)}</strong>
              {d.mine !== undefined && <span className="muted"> (yours: {displayValue(d.mine)})</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The note for one image; nothing when its row is what is on disk. */
export function DiskChangeNote({ path }: { path: string }) {
  const mark = useApp((s) => activeMark(s, path));
  const dropEdits = useApp((s) => s.dropEdits);
  if (mark === null) return null;
  const removed = mark.change === 'removed';
  return (
    <div className="callout callout-warning callout-stack" role="status">
      <p className="callout-title">{removed ? 'Deleted on disk' : 'Changed on disk'}</p>
      {removed ? (
        <p className="small">
          This image was deleted or moved by another program while you were editing it. Your unsaved edits are kept
          here, but they cannot be saved.
        </p>
      ) : (
        <TheirChanges mark={mark} path={path} />
      )}
      <div>
        <button type="button" className="btn btn-small" onClick={() => dropEdits([path])}>
          {removed ? 'Discard my edits' : 'Discard my edits and show theirs'}
        </button>
      </div>
    </div>
  );
}
