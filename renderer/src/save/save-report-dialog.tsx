/** After a save where some files failed: every failed file and why, and a retry. */
import { type SaveFailure, useApp, useAppStore } from '../store';
import { plural } from '../lib/format';
import { Modal, ModalActions } from '../kit';

const REASONS: Partial<Record<SaveFailure['code'], string>> = {
  CONFLICT: 'changed on disk — you will be asked what to do',
  INVALID_SIDECAR: 'the sidecar cannot be read, so it is left untouched',
  NOT_FOUND: 'the image is gone',
  OUTSIDE_FOLDER: 'outside the open folder',
  UNREADABLE_IMAGE: 'the image header cannot be read',
};

/** The report dialog, shown while `saveReport` is set. */
export function SaveReportDialog() {
  const store = useAppStore();
  const report = useApp((s) => s.saveReport);
  if (!report) return null;
  const retryable = report.failures.filter((f) => f.code !== 'CONFLICT').length;
  const close = () => store.getState().closeSaveReport();
  return (
    <Modal
      labelledBy="report-title"
      title={<>{plural(report.failures.length, 'file')} could not be saved</>}
      describedBy="report-text"
      onCancel={close}
      wide
    >
      <p id="report-text">
        {report.saved > 0 ? `${plural(report.saved, 'file')} saved.` : 'Nothing was saved.'}
        {report.held > 0 && ` ${plural(report.held, 'image')} with invalid values were not sent.`} The others keep their
        unsaved edits.
      </p>
      <ul className="change-list report-list">
        {report.failures.map((failure) => (
          <li key={failure.path}>
            <span className="mono">{failure.path}</span>
            <span className="small">
              {' '}
              — {REASONS[failure.code] ? `${REASONS[failure.code]} (${failure.message})` : failure.message}
            </span>
          </li>
        ))}
      </ul>
      <ModalActions onCancel={close} cancelLabel="Close" focusCancel={retryable === 0}>
        {retryable > 0 && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void store.getState().retryFailed()}
            data-autofocus
          >
            Retry {plural(retryable, 'failed file')}
          </button>
        )}
      </ModalActions>
    </Modal>
  );
}
