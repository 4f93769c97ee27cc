/** The toolbar chip of the Completeness view's field filter: which field, and a button to drop it. */
import { editableField } from '../../../shared/fields/field-table';
import { useApp, useAppStore } from '../store';

/** Shown while the table is filtered to the images that lack or break a field. */
export function FieldGapChip() {
  const store = useAppStore();
  const gap = useApp((s) => s.fieldGap);
  if (gap === null) return null;
  const name = editableField(gap)?.displayName ?? gap;
  return (
    <span className="chip chip-gap" title={`Only the images whose ${name} is empty or breaks the lab profile`}>
      Lacking {name}
      <button
        type="button"
        className="icon-button chip-remove"
        aria-label={`Show all images again (stop filtering on ${name})`}
        onClick={() => store.getState().clearFieldGap()}
      >
        <svg className="icon icon-small" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" />
        </svg>
      </button>
    </span>
  );
}
