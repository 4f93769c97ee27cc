/** A button that opens a popover of words beside it (a note, a help), closed by a press outside or Escape. */
import type { ReactNode } from 'react';
import { usePopover } from './use-popover';

interface PopoverButtonProps {
  /** The class of the box holding the button and the popover (it places the popover). */
  className: string;
  /** The button's class, its tooltip and, when its face is no word, its name. */
  buttonClassName: string;
  title: string;
  buttonLabel?: string;
  /** The button's face. */
  face: ReactNode;
  /** The popover's name for assistive technology and its class besides `popover`. */
  label: string;
  popoverClassName: string;
  /** The popover's content, drawn while it is open. */
  children: ReactNode;
}

/** The button and, while open, its popover (a non-modal dialog). */
export function PopoverButton(props: PopoverButtonProps) {
  const { className, buttonClassName, title, buttonLabel, face, label, popoverClassName, children } = props;
  const { open, setOpen, root, button } = usePopover();
  return (
    <div className={className} ref={root}>
      <button
        ref={button}
        type="button"
        className={buttonClassName}
        aria-label={buttonLabel}
        aria-expanded={open}
        title={title}
        onClick={() => setOpen(!open)}
      >
        {face}
      </button>
      {open && (
        <div className={`popover ${popoverClassName}`} role="dialog" aria-label={label}>
          {children}
        </div>
      )}
    </div>
  );
}
