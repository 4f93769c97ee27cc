/**
 * “Create sidecar”: writes a new sidecar for images that have none, with no edit needed (the
 * header, the file's calibration and CloudScope's defaults), through the usual save and review.
 */
import { useAppStore } from '../store';
import { plural } from '../lib/format';

/** The note and button for `count` images of `paths` without a sidecar; nothing when there are none. */
export function CreateSidecars({ paths, count }: { paths: readonly string[]; count: number }) {
  const store = useAppStore();
  if (count === 0) return null;
  return (
    <div className="callout callout-info create-sidecars">
      <span>
        {count === 1 && paths.length === 1
          ? 'This image has no sidecar yet.'
          : `${plural(count, 'selected image')} ${count === 1 ? 'has' : 'have'} no sidecar yet.`}
      </span>
      <button type="button" className="btn btn-small" onClick={() => void store.getState().requestSave(paths, true)}>
        {count === 1 ? 'Create sidecar' : `Create ${plural(count, 'sidecar')}`}
      </button>
    </div>
  );
}
