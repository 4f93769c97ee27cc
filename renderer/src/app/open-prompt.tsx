/** Asks what to do with unsaved changes before another folder replaces this one. */
import { selectSaveSummary, useApp, useAppStore } from '../store';
import { plural } from '../lib/format';
import { Modal, ModalActions } from '../kit';

/** The unsaved-changes prompt, shown while `openPrompt` is set. */
export function OpenPrompt() {
  const store = useAppStore();
  const open = useApp((s) => s.openPrompt !== null);
  const files = useApp((s) => selectSaveSummary(s).files);
  const invalid = useApp((s) => selectSaveSummary(s).invalid);
  if (!open) return null;
  const answer = (choice: 'save' | 'discard' | 'cancel') => void store.getState().answerOpenPrompt(choice);
  return (
    <Modal
      labelledBy="open-prompt-title"
      title="Unsaved changes"
      describedBy="open-prompt-text"
      onCancel={() => answer('cancel')}
    >
      <p id="open-prompt-text">
        {plural(files, 'image')} in this folder {files === 1 ? 'has' : 'have'} changes that are not saved.
        {invalid > 0 && ` ${plural(invalid, 'value')} must be fixed before they can be saved.`} Opening another folder
        drops them.
      </p>
      <ModalActions onCancel={() => answer('cancel')} focusCancel>
        <button type="button" className="btn btn-primary" disabled={invalid > 0} onClick={() => answer('save')}>
          Save and open
        </button>
        <button type="button" className="btn btn-danger" onClick={() => answer('discard')}>
          Discard changes
        </button>
      </ModalActions>
    </Modal>
  );
}
