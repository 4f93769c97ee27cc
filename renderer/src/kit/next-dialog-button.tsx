/** A footer button that leaves its dialog for another one. */
import type { ReactNode } from 'react';

/** Closes this dialog (`leave`), then opens the next (`open`); `title` says what the next one does. */
export function NextDialogButton(props: { title: string; leave: () => void; open: () => void; children: ReactNode }) {
  const { title, leave, open, children } = props;
  return (
    <button
      type="button"
      className="btn"
      aria-haspopup="dialog"
      title={title}
      onClick={() => {
        leave();
        open();
      }}
    >
      {children}
    </button>
  );
}
