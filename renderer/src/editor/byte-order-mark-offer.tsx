/**
 * The offer for a sidecar that begins with a byte order mark (BOM): valid JSON otherwise, but
 * Python's json, and so CloudScope, refuses it; one click writes it without the mark.
 */
import { sidecarNameShownFor } from '../../../shared/sidecar-location';
import { useApp, useAppStore } from '../store';

/** The note and “Save without the BOM” for the sidecar of `path`. */
export function ByteOrderMarkOffer({ path }: { path: string }) {
  const store = useAppStore();
  const saving = useApp((s) => s.saving);
  return (
    <div className="callout callout-warning create-sidecars" role="status">
      <span>
        Saving writes {sidecarNameShownFor(path)} without its byte order mark, so that CloudScope can read it; nothing
        else in it changes.
      </span>
      <button
        type="button"
        className="btn btn-small"
        disabled={saving}
        onClick={() => void store.getState().saveWithoutByteOrderMark(path)}
      >
        Save without the BOM
      </button>
    </div>
  );
}
