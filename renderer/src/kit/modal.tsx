/**
 * The dialogs' shell, a native modal `<dialog>`: the page behind is inert, Escape cancels, Tab
 * stays inside, the title heads it, and with a submit its body is a form (Enter in a field
 * submits). The element marked `data-autofocus` gets the focus (the safe choice, e.g. Cancel).
 */
import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { DialogBusy } from './dialog-busy';
import { wrapTab } from './focus-trap';

interface ModalProps {
  /** Id of the element naming the dialog: the title's, when it is given. */
  labelledBy: string;
  /** The dialog's heading; without it, the body holds the element `labelledBy` names. */
  title?: ReactNode;
  /** What stands on the title's line, at its end (a choice of what the dialog counts). */
  titleAside?: ReactNode;
  /** Id of the element describing the dialog: the description's, when it is given. */
  describedBy?: string;
  /** The paragraph under the title saying what the dialog does; `describedBy` is its id. */
  description?: ReactNode;
  /** Escape or the close request. */
  onCancel: () => void;
  /** The form's submit (Enter in a field, a submit button); without it the body is no form. */
  onSubmit?: () => void;
  /** While the dialog's answer is carried out: Escape waits, and so does the footer's cancel. */
  busy?: boolean;
  /** Room for a table (the review, the conflict comparison). */
  wide?: boolean;
  /** A class of the dialog's own (its size, e.g.). */
  className?: string;
  children: ReactNode;
}

/** Shows `children` in a modal dialog for as long as it is mounted. */
export function Modal(props: ModalProps) {
  const { labelledBy, title, describedBy, description, onCancel, onSubmit, busy = false, wide = false } = props;
  const { titleAside, className, children } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) {
      element.showModal();
      element.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => element?.close();
  }, []);
  const heading = title !== undefined && (
    <h2 id={labelledBy} className="modal-title">
      {title}
    </h2>
  );
  const body = (
    <>
      {titleAside === undefined ? (
        heading
      ) : (
        <div className="modal-head">
          {heading}
          {titleAside}
        </div>
      )}
      {description !== undefined && <p id={describedBy}>{description}</p>}
      {children}
    </>
  );
  return (
    <dialog
      ref={dialog}
      className={['modal', wide ? 'modal-wide' : null, className].filter(Boolean).join(' ')}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-busy={busy || undefined}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Tab' && dialog.current && wrapTab(dialog.current, event.shiftKey)) event.preventDefault();
      }}
    >
      <DialogBusy value={busy}>
        {onSubmit === undefined ? (
          body
        ) : (
          <form
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              onSubmit();
            }}
          >
            {body}
          </form>
        )}
      </DialogBusy>
    </dialog>
  );
}
