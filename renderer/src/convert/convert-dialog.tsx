/**
 * "Export as OME-TIFF…": the options, then the job's progress (Cancel stops it; Close leaves it
 * running, shown in the status bar), then its summary or why it failed.
 */
import { plural } from '../lib/format';
import { convertEnded, type ConvertJob } from './convert-slice';
import { useApp } from '../store';
import { JobFailure, Modal, ModalActions, ProgressFooter } from '../kit';
import { ConvertForm } from './convert-form';
import { ConvertSummaryView } from './convert-summary';
import { progressText } from './convert-text';

function Running({ job, onClose }: { job: ConvertJob; onClose: () => void }) {
  const cancel = useApp((s) => s.cancelConvert);
  const { progress } = job;
  return (
    <>
      <p className="small">
        {plural(job.images, 'image')} into <span className="mono">{job.outputFolder}</span>
      </p>
      <ProgressFooter
        label="Planes written"
        progress={progress}
        text={job.cancelling ? 'Cancelling…' : progressText(job)}
        note="Closing this dialog leaves the conversion running; the status bar shows it."
        onCancel={onClose}
        cancelLabel="Close"
      >
        <button
          type="button"
          className="btn"
          disabled={job.jobId === null || job.cancelling}
          onClick={() => void cancel()}
        >
          Cancel conversion
        </button>
      </ProgressFooter>
    </>
  );
}

function Ended({ job, onClose }: { job: ConvertJob; onClose: () => void }) {
  const again = useApp((s) => s.convertAgain);
  return (
    <>
      <JobFailure what="The conversion" failure={job.failure} />
      {job.summary !== null && <ConvertSummaryView summary={job.summary} />}
      <ModalActions onCancel={onClose} cancelLabel="Close" focusCancel>
        <button type="button" className="btn" onClick={again}>
          Back to the options
        </button>
      </ModalActions>
    </>
  );
}

/** The dialog, while the store has it open. */
export function ConvertDialog() {
  const open = useApp((s) => s.convertDialogOpen);
  const job = useApp((s) => s.convertJob);
  const close = useApp((s) => s.closeConvertDialog);
  if (!open) return null;
  // One dialog per phase, so that each opens with the focus on its own safe button.
  const phase = job === null ? 'form' : convertEnded(job) ? 'ended' : 'running';
  return (
    <Modal
      key={phase}
      labelledBy="convert-title"
      title="Export as OME-TIFF"
      onCancel={close}
      wide={job !== null && convertEnded(job)}
      className="convert-dialog"
    >
      {job === null ? (
        <ConvertForm onClose={close} />
      ) : convertEnded(job) ? (
        <Ended job={job} onClose={close} />
      ) : (
        <Running job={job} onClose={close} />
      )}
    </Modal>
  );
}
