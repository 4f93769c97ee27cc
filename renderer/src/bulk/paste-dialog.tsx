/** Choose which copied fields to paste into the selected images. */
import { useState } from 'react';
import { EDITABLE_FIELDS } from '../../../shared/fields/field-table';
import { baseName } from '../../../shared/columns';
import { selectEditablePaths, useApp, useAppStore } from '../store';
import { displayValue, plural } from '../lib/format';
import { FieldChecklist } from '../save';
import { Modal, ModalActions } from '../kit';

/** The paste dialog, shown while `pastePrompt` is set. */
export function PasteDialog() {
  const open = useApp((s) => s.pastePrompt && s.copied !== null);
  return open ? <PasteChoice /> : null;
}

function PasteChoice() {
  const store = useAppStore();
  const copied = useApp((s) => s.copied)!;
  const targets = useApp(selectEditablePaths).length;
  const fields = EDITABLE_FIELDS.filter((f) => f.name in copied.values);
  // Filled fields are pasted by default; an empty one only when chosen (it would clear the targets).
  const [chosen, setChosen] = useState(
    () => new Set(fields.filter((f) => displayValue(copied.values[f.name]) !== '(empty)').map((f) => f.name)),
  );
  const close = () => store.getState().closePastePrompt();
  return (
    <Modal labelledBy="paste-title" title="Paste metadata" describedBy="paste-text" onCancel={close}>
      <p id="paste-text">
        From <strong className="mono">{baseName(copied.source)}</strong> into {plural(targets, 'selected image')}.
        Choose the fields:
      </p>
      <FieldChecklist fields={fields} values={copied.values} chosen={chosen} onChange={setChosen} />
      <ModalActions onCancel={close}>
        <button
          type="button"
          className="btn btn-primary"
          disabled={chosen.size === 0}
          onClick={() => store.getState().pasteMetadata([...chosen])}
          data-autofocus
        >
          Paste {plural(chosen.size, 'field')} into {plural(targets, 'image')}
        </button>
      </ModalActions>
    </Modal>
  );
}
