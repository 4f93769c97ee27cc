/**
 * The two ways back from a journaled action, named as what they do: "Undo this action" (its
 * fields only) and "Restore to before this" (the point in time before it); each opens a review.
 */
import type { RestoreTarget } from './journal-slice';
import { useAppStore } from '../store';

/** The pair of buttons for `target`; `what` says what they act on, in their tooltips. */
export function RestoreButtons({ target, what }: { target: RestoreTarget; what: string }) {
  const store = useAppStore();
  return (
    <span className="restore-buttons">
      <button
        type="button"
        className="btn btn-small"
        title={`Put back only the fields ${what} changed; later changes of other fields stay (reviewed first)`}
        onClick={() => void store.getState().reviewRestore(target, 'undo')}
      >
        Undo this action
      </button>
      <button
        type="button"
        className="btn btn-small"
        title={`Put the images ${what} wrote back as they were before it, later changes too (reviewed first)`}
        onClick={() => void store.getState().reviewRestore(target, 'before')}
      >
        Restore to before this
      </button>
    </span>
  );
}
