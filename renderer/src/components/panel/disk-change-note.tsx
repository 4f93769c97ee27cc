/** Says, in the editor, that the image changed or went away on disk while it had unsaved edits. */
import { activeMark } from '../../store/slices/disk-slice';
import { useApp } from '../../store/store-context';

/** The note for one image; nothing when its row is what is on disk. */
export function DiskChangeNote({ path }: { path: string }) {
  const change = useApp((s) => activeMark(s, path)?.change ?? null);
  const dropEdits = useApp((s) => s.dropEdits);
  if (change === null) return null;
  const removed = change === 'removed';
  return (
    <div className="callout callout-warning callout-stack" role="status">
      <p className="callout-title">{removed ? 'Deleted on disk' : 'Changed on disk'}</p>
      <p className="small">
        {removed
          ? 'This image was deleted or moved by another program while you were editing it. Your unsaved edits are kept here, but they cannot be saved.'
          : 'Another program changed this sidecar while you were editing it. Your edits are kept; saving will ask whether to keep their version or yours.'}
      </p>
      <div>
        <button type="button" className="btn btn-small" onClick={() => dropEdits([path])}>
          {removed ? 'Discard my edits' : 'Discard my edits and show theirs'}
        </button>
      </div>
    </div>
  );
}
