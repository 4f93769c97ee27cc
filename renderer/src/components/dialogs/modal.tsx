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
  children: ReactNode;
}

/** Shows `children` in a modal dialog for as long as it is mounted. */
export function Modal({ labelledBy, describedBy, onCancel, wide = false, children }: ModalProps) {
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
      className={wide ? 'modal modal-wide' : 'modal'}
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
