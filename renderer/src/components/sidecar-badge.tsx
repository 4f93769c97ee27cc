/** The sidecar state as a text badge: None, Saved, Invalid or Unsaved. */
import type { ImageRow } from '../../../shared/api';
import { rowHasChanges, type PathEdits } from '../store/edit-logic';

/** Badge for a row's sidecar, counting pending edits as "Unsaved". */
export function SidecarBadge({ row, edits }: { row: ImageRow; edits: PathEdits | undefined }) {
  if (row.sidecar === 'invalid') return <span className="badge badge-invalid">Invalid</span>;
  if (rowHasChanges(row, edits)) return <span className="badge badge-unsaved">Unsaved</span>;
  if (row.sidecar === 'missing') return <span className="badge badge-none">None</span>;
  return <span className="badge badge-saved">Saved</span>;
}
