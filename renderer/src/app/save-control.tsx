/** The Save button with what it would save, the first value that cannot be saved, or the progress. */
import { useShallow } from 'zustand/react/shallow';
import { editableField } from '../../../shared/fields/field-table';
import { baseName } from '../../../shared/columns';
import { selectFirstInvalid, selectSaveSummary, useApp, useAppStore } from '../store';
import { formatCount, plural } from '../lib/format';

function InvalidHint({ invalid }: { invalid: number }) {
  const store = useAppStore();
  const first = useApp(useShallow(selectFirstInvalid));
  if (!first) return null;
  const where = `${baseName(first.path)} · ${editableField(first.name)?.displayName ?? first.name}`;
  return (
    <button
      type="button"
      className="link-button save-hint-error"
      title={`Go to ${first.path} · ${editableField(first.name)?.displayName ?? first.name}`}
      onClick={() => store.getState().focusField(first.path, first.name)}
    >
      {invalid === 1 ? `Invalid: ${where}` : plural(invalid, 'invalid value')}
    </button>
  );
}

/** Save button and its hint. */
export function SaveControl() {
  const store = useAppStore();
  const { files, invalid } = useApp(useShallow(selectSaveSummary));
  const saving = useApp((s) => s.saving);
  const progress = useApp(useShallow((s) => s.saveProgress));
  const status = saving
    ? progress && progress.total > 1
      ? `Saving… ${formatCount(progress.done)} of ${plural(progress.total, 'file')}`
      : 'Saving…'
    : files > 0
      ? invalid > 0
        ? `${plural(files, 'unsaved image')}`
        : `${plural(files, 'image')} with unsaved changes`
      : invalid > 0
        ? ''
        : 'All changes saved';
  const blocked = saving || (invalid === 0 && files === 0);
  return (
    <div className="save-control">
      <span id="save-hint" className={`save-hint${files > 0 ? ' save-hint-pending' : ''}`} aria-live="polite">
        {!saving && invalid > 0 && <InvalidHint invalid={invalid} />}
        {!saving && invalid > 0 && files > 0 && ' · '}
        {status}
      </span>
      <button
        type="button"
        className="btn btn-primary"
        disabled={blocked}
        aria-describedby="save-hint"
        title={blocked ? status : 'Save all changes (Ctrl+S)'}
        onClick={() => void store.getState().requestSave()}
      >
        Save
      </button>
    </div>
  );
}
