/**
 * The foot of a dialog while its job runs: the job's progress, a note, and the buttons, the
 * safe one (Close, or Cancel the job) focused.
 */
import type { ReactNode } from 'react';
import { JobProgress } from './job-progress';
import { ModalActions } from './modal-actions';

interface ProgressFooterProps {
  /** The bar's accessible name: `Images written`. */
  label: string;
  progress: { done: number; total: number; current: string } | null;
  text: string;
  /** What closing or cancelling does, under the bar. */
  note?: ReactNode;
  /** The right-hand button: it cancels the job, or closes the dialog with the job left running. */
  onCancel: () => void;
  cancelLabel: string;
  cancelDisabled?: boolean;
  /** Buttons before it (`Cancel conversion` when the right-hand one is Close). */
  children?: ReactNode;
}

/** The progress, the note and the buttons. */
export function ProgressFooter(props: ProgressFooterProps) {
  const { label, progress, text, note, onCancel, cancelLabel, cancelDisabled = false, children } = props;
  return (
    <>
      <JobProgress label={label} progress={progress} text={text} />
      {note !== undefined && <p className="muted small">{note}</p>}
      <ModalActions onCancel={onCancel} cancelLabel={cancelLabel} cancelDisabled={cancelDisabled} focusCancel>
        {children}
      </ModalActions>
    </>
  );
}
