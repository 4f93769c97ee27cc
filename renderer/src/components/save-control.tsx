/** The Save button with the reason it is disabled, or what it would save. */
import { useShallow } from 'zustand/react/shallow';
import { selectSaveSummary } from '../store/selectors';
import { useApp } from '../store/store-context';
import { formatCount, plural } from '../lib/format';
import { SAVE_BATCH } from '../store/save-slice';

/** Save button and its hint. */
export function SaveControl() {
  const { files, invalid } = useApp(useShallow(selectSaveSummary));
  const saving = useApp((s) => s.saving);
  const progress = useApp(useShallow((s) => s.saveProgress));
  const saveAll = useApp((s) => s.saveAll);
  const hint = saving
    ? progress && progress.total > SAVE_BATCH
      ? `Saving… ${formatCount(progress.done)} of ${plural(progress.total, 'file')}`
      : 'Saving…'
    : invalid > 0
      ? `Fix ${plural(invalid, 'invalid value')} to save`
      : files > 0
        ? `${plural(files, 'image')} with unsaved changes`
        : 'All changes saved';
  const blocked = saving || invalid > 0 || files === 0;
  return (
    <div className="save-control">
      <span id="save-hint" className={`save-hint${invalid > 0 ? ' save-hint-error' : files > 0 ? ' save-hint-pending' : ''}`} aria-live="polite">
        {hint}
      </span>
      <button
        type="button"
        className="btn btn-primary"
        disabled={blocked}
        aria-describedby="save-hint"
        title={blocked ? hint : 'Save all changes (Ctrl+S)'}
        onClick={() => void saveAll()}
      >
        Save
      </button>
    </div>
  );
}
