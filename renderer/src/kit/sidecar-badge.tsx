/** The sidecar state as a text badge: None, Saved, Invalid, Unsaved, Will be removed, or changed or deleted on disk. */
import type { ImageRow } from '../../../shared/api';
import { type DiskChange, type PathEdits, rowHasChanges } from '../store';

const DISK_BADGES: Readonly<Record<DiskChange, { text: string; title: string }>> = {
  changed: {
    text: 'Changed on disk',
    title: 'Another program changed this sidecar while you were editing it: saving asks which version to keep.',
  },
  removed: {
    text: 'Deleted on disk',
    title: 'This image was deleted on disk while you were editing it: its unsaved edits cannot be saved.',
  },
};

/**
 * Badge for a row's sidecar, counting pending edits as "Unsaved"; a change on disk under unsaved
 * edits comes first, then a removal Save will carry out (`removing`).
 */
export function SidecarBadge({
  row,
  edits,
  disk = null,
  removing = false,
}: {
  row: ImageRow;
  edits: PathEdits | undefined;
  disk?: DiskChange | null;
  removing?: boolean;
}) {
  if (disk !== null) {
    return (
      <span className="badge badge-disk" title={DISK_BADGES[disk].title}>
        {DISK_BADGES[disk].text}
      </span>
    );
  }
  if (removing)
    return (
      <span className="badge badge-removing" title="Save removes this sidecar AcqMeta created (undoing its creation).">
        Will be removed
      </span>
    );
  if (row.sidecar === 'invalid') return <span className="badge badge-invalid">Invalid</span>;
  if (rowHasChanges(row, edits)) return <span className="badge badge-unsaved">Unsaved</span>;
  if (row.sidecar === 'missing') return <span className="badge badge-none">None</span>;
  return <span className="badge badge-saved">Saved</span>;
}
