/**
 * "Build upload…": the options, the review of what the build would do, then the build's
 * progress in bytes (Cancel stops it and nothing is left in the upload folder; the dialog stays
 * until it ends), then what it did, the to-do left and the upload folder: opened in the file
 * manager in the desktop app, its path shown in browser mode, which has none.
 */
import type { UploadOutcome, UploadStep } from '../../../shared/api';
import { uploadEnded, type UploadJob, type UploadView } from './upload-slice';
import { builtCounts, countsText, progressText } from './upload-text';
import { UploadForm } from './upload-form';
import { UploadReviewView, UploadTodo } from './upload-review';
import { useApp } from '../store';
import { JobFailure, Modal, ModalActions, WrappingPath, ProgressFooter } from '../kit';

/** The review, or why there is none yet, with Build, Back and Cancel. */
function Review({ view, onClose }: { view: UploadView; onClose: () => void }) {
  const edit = useApp((s) => s.editUpload);
  const start = useApp((s) => s.startUpload);
  const { review, failure } = view;
  return (
    <>
      {review === null && failure === null && (
        <p className="small" role="status">
          Reading the folder…
        </p>
      )}
      {failure !== null && (
        <p className="callout callout-danger bulk-callout small" role="alert">
          The upload cannot be built as asked: {failure}
        </p>
      )}
      {review !== null && <UploadReviewView review={review} />}
      <ModalActions onCancel={onClose} focusCancel={review === null}>
        <button
          type="button"
          className="btn btn-primary"
          disabled={review === null}
          onClick={() => void start()}
          {...(review === null ? {} : { 'data-autofocus': true })}
        >
          Build upload
        </button>
        <button type="button" className="btn" onClick={edit}>
          Back
        </button>
      </ModalActions>
    </>
  );
}

function Running({ job, upload }: { job: UploadJob; upload: string }) {
  const cancel = useApp((s) => s.cancelUpload);
  return (
    <>
      <p className="small">
        Building <WrappingPath path={upload} />
      </p>
      <ProgressFooter
        label="Bytes built"
        progress={job.progress}
        text={job.cancelling ? 'Cancelling…' : progressText(job.progress)}
        note="Cancel stops the build and leaves the upload folder as it was."
        onCancel={() => void cancel()}
        cancelLabel="Cancel build"
      />
    </>
  );
}

/** What an ended build of the reviewed `steps` did, counted as the review counted them, and where the upload is. */
function OutcomeView({ outcome, steps }: { outcome: UploadOutcome; steps: readonly UploadStep[] }) {
  const door = useApp((s) => s.session?.door ?? 'browser');
  const show = useApp((s) => s.showUpload);
  if (outcome.kind === 'cancelled')
    return (
      <p className="layout-verdict" role="status">
        Cancelled: nothing was left in the upload folder.
      </p>
    );
  return (
    <>
      <p className="layout-verdict" role="status">
        Upload built: {countsText(builtCounts(steps, outcome))}.
      </p>
      <p className="small">
        In <WrappingPath path={outcome.upload} />{' '}
        {door === 'electron' && (
          <button type="button" className="btn btn-small" onClick={() => void show()}>
            Open upload folder
          </button>
        )}
      </p>
      <UploadTodo todo={outcome.todo} />
    </>
  );
}

/** The dialog, while the store has it open. */
export function UploadDialog() {
  const view = useApp((s) => s.uploadDialog);
  const close = useApp((s) => s.closeUpload);
  if (view === null) return null;
  const { job } = view;
  // One dialog per phase, so that each opens with the focus on its own safe button.
  const phase = job !== null ? (uploadEnded(job) ? 'ended' : 'running') : view.asked === null ? 'form' : 'review';
  return (
    <Modal key={phase} labelledBy="upload-title" title="Build upload" onCancel={close} wide className="upload-dialog">
      {phase === 'form' && <UploadForm onClose={close} />}
      {phase === 'review' && <Review view={view} onClose={close} />}
      {phase === 'running' && job !== null && <Running job={job} upload={view.review?.upload ?? ''} />}
      {phase === 'ended' && job !== null && (
        <>
          <JobFailure what="The build" failure={job.failure} />
          {job.outcome !== null && <OutcomeView outcome={job.outcome} steps={view.review?.steps ?? []} />}
          <ModalActions onCancel={close} cancelLabel="Close" focusCancel />
        </>
      )}
    </Modal>
  );
}
