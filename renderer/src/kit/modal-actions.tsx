/** The button row at the foot of a dialog: its actions on the left, Cancel (or Close) on the right. */
import { useContext, type ReactNode } from 'react';
import { DialogBusy } from './dialog-busy';

interface ModalActionsProps {
  /** The dialog's own buttons. */
  children?: ReactNode;
  onCancel: () => void;
  cancelLabel?: string;
  /** Give the cancel button the first focus (when there is no safe action to focus). */
  focusCancel?: boolean;
  /** The cancel button is disabled (as it is while its dialog is busy carrying out the answer). */
  cancelDisabled?: boolean;
}

/** The dialog's actions, then a spacer and the cancel button. */
export function ModalActions({
  children,
  onCancel,
  cancelLabel = 'Cancel',
  focusCancel = false,
  cancelDisabled = false,
}: ModalActionsProps) {
  const busy = useContext(DialogBusy);
  return (
    <div className="modal-actions">
      {children}
      <span className="toolbar-spacer" />
      <button
        type="button"
        className="btn"
        disabled={cancelDisabled || busy}
        onClick={onCancel}
        {...(focusCancel ? { 'data-autofocus': true } : {})}
      >
        {cancelLabel}
      </button>
    </div>
  );
}
