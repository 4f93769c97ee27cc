/**
 * A native modal `<dialog>`: focus stays inside, Escape cancels, the page behind is inert.
 * The element marked `data-autofocus` gets the focus (the safe choice, e.g. Cancel).
 */
import { useEffect, useRef, type ReactNode } from 'react';

interface ModalProps {
  /** Id of the element naming the dialog. */
  labelledBy: string;
  describedBy?: string;
  /** Escape or the close request. */
  onCancel: () => void;
  /** Room for a table (the review, the conflict comparison). */
  wide?: boolean;
  /** A class of the dialog's own (its size, e.g.). */
  className?: string;
  children: ReactNode;
}

/** Shows `children` in a modal dialog for as long as it is mounted. */
export function Modal({ labelledBy, describedBy, onCancel, wide = false, className, children }: ModalProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) {
      element.showModal();
      element.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className={['modal', wide ? 'modal-wide' : null, className].filter(Boolean).join(' ')}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
