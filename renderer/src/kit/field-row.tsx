/**
 * A dialog's labelled field: the label above, the control, and under it its message (a hint,
 * or an error announced as it appears), tied to the control for assistive technology.
 */
import type { ReactNode } from 'react';

/** What the control needs to be named by the label and described by the message. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldRowProps {
  /** The control's id; the message's is `<id>-message`. */
  id: string;
  label: ReactNode;
  /** A hint under the control, or an error when `invalid`; nothing when null. */
  message?: ReactNode;
  /** The message is an error: while it shows, the control is marked invalid and it is announced. */
  invalid?: boolean;
  /** The control, given the props that tie it to the label and the message. */
  children: (control: FieldControlProps) => ReactNode;
}

/** The label, the control and its message. */
export function FieldRow({ id, label, message = null, invalid = false, children }: FieldRowProps) {
  const messageId = `${id}-message`;
  const shown = message !== null && message !== undefined && message !== false;
  const error = invalid && shown;
  return (
    <>
      <label className="modal-label modal-field-label" htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': shown ? messageId : undefined,
      })}
      {shown && (
        <p
          id={messageId}
          className={invalid ? 'small field-error' : 'muted small'}
          role={invalid ? 'alert' : undefined}
        >
          {message}
        </p>
      )}
    </>
  );
}
