/** The button row at the foot of a dialog: its actions on the left, Cancel (or Close) on the right. */
import type { ReactNode } from 'react';

interface ModalActionsProps {
  /** The dialog's own buttons. */
  children?: ReactNode;
  onCancel: () => void;
  cancelLabel?: string;
  /** Give the cancel button the first focus (when there is no safe action to focus). */
  focusCancel?: boolean;
  /** The cancel button is disabled (while the dialog's answer is being carried out). */
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
  return (
    <div className="modal-actions">
      {children}
      <span className="toolbar-spacer" />
      <button
        type="button"
        className="btn"
        disabled={cancelDisabled}
        onClick={onCancel}
        {...(focusCancel ? { 'data-autofocus': true } : {})}
      >
        {cancelLabel}
      </button>
    </div>
  );
}
