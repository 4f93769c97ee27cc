/**
 * "Write calibration into image files…": the review (each header's values old → new, the
 * images refused), then the writes' progress (Cancel stops between files: each file is written
 * whole or left untouched; the dialog stays until they end), then what was done.
 */
import { formatCount, plural } from '../lib/format';
import { selectSaveSummary, useApp } from '../store';
import { calibrateEnded, type CalibrateDialog, type CalibrateJob } from './calibrate-slice';
import { JobProgress, Modal, ModalActions, UnsavedNote } from '../kit';
import { sameExtras } from './calibrate-extras';
import { CalibrateExtrasFields } from './calibrate-extras-fields';
import { CalibrateReviewView, reviewGroups } from './calibrate-review';
import { CalibrateSummaryView } from './calibrate-summary';

const TITLE = 'Write calibration into image files';

/** `3 of 40 images done` (or where the job is before its first image). */
function progressText(job: CalibrateJob): string {
  if (job.cancelling) return 'Cancelling after the file under way…';
  if (job.jobId === null || job.progress === null) return `Writing ${plural(job.images, 'image')}…`;
  return `${formatCount(job.progress.done)} of ${plural(job.progress.total, 'image')} done`;
}

function Review({ dialog, onClose }: { dialog: CalibrateDialog; onClose: () => void }) {
  const start = useApp((s) => s.startCalibration);
  const unsaved = useApp((s) => selectSaveSummary(s).files);
  const { review } = dialog;
  if (review.status === 'loading')
    return (
      <>
        <p className="small" role="status">
          Reading the headers of {plural(dialog.paths.length, 'image')}…
        </p>
        <ModalActions onCancel={onClose} focusCancel />
      </>
    );
  if (review.status === 'failed')
    return (
      <>
        <p className="callout callout-danger bulk-callout small" role="alert">
          The headers could not be read: {review.error}
        </p>
        <ModalActions onCancel={onClose} cancelLabel="Close" focusCancel />
      </>
    );
  const writes = reviewGroups(review.images).changed.length;
  const stale = !sameExtras(dialog.extras, dialog.reviewed);
  return (
    <>
      <p id="calibrate-text">
        Each image’s pixel size and unit, as its saved sidecar holds them, written into the image file’s own header,
        where Fiji/ImageJ, QuPath, napari and Bio-Formats read them, with the z step, frame interval and channel names
        given below. No pixel is touched; each write is journaled and can be undone from the image’s History.
      </p>
      <UnsavedNote unsaved={unsaved} what="The headers get" />
      <CalibrateExtrasFields dialog={dialog} />
      <CalibrateReviewView images={review.images} />
      <ModalActions onCancel={onClose}>
        <button
          type="button"
          className="btn btn-primary"
          disabled={writes === 0 || stale}
          onClick={() => void start()}
          data-autofocus
        >
          Write {plural(writes, 'header')}
        </button>
      </ModalActions>
    </>
  );
}

function Running({ job }: { job: CalibrateJob }) {
  const cancel = useApp((s) => s.cancelCalibration);
  return (
    <>
      <JobProgress label="Images done" progress={job.progress} text={progressText(job)} />
      <p className="muted small">Cancel stops between two files: each file is written whole or left untouched.</p>
      <ModalActions
        onCancel={() => void cancel()}
        cancelLabel="Cancel writing"
        cancelDisabled={job.jobId === null || job.cancelling}
        focusCancel
      />
    </>
  );
}

function Ended({ job, onClose }: { job: CalibrateJob; onClose: () => void }) {
  return (
    <>
      {job.failure !== null && (
        <p className="callout callout-danger bulk-callout small" role="alert">
          The writes stopped: {job.failure}
        </p>
      )}
      {job.summary !== null && <CalibrateSummaryView summary={job.summary} />}
      <ModalActions onCancel={onClose} cancelLabel="Close" focusCancel />
    </>
  );
}

/** The dialog, while the store has it open. */
export function CalibrateDialogView() {
  const dialog = useApp((s) => s.calibrateDialog);
  const close = useApp((s) => s.closeCalibrate);
  if (dialog === null) return null;
  const { job } = dialog;
  // One dialog per phase, so that each opens with the focus on its own safe button.
  const phase = job === null ? dialog.review.status : calibrateEnded(job) ? 'ended' : 'running';
  return (
    <Modal
      key={phase}
      labelledBy="calibrate-title"
      title={TITLE}
      describedBy={phase === 'ready' ? 'calibrate-text' : undefined}
      onCancel={close}
      wide={phase === 'ready' || phase === 'ended'}
    >
      {job === null ? (
        <Review dialog={dialog} onClose={close} />
      ) : calibrateEnded(job) ? (
        <Ended job={job} onClose={close} />
      ) : (
        <Running job={job} />
      )}
    </Modal>
  );
}
