/** The status bar's word on a conversion whose dialog is closed: its progress, or that it ended, with Show. */
import { convertEnded } from './convert-slice';
import { useApp } from '../store';
import { progressText, summaryHeadline } from './convert-text';

/** Nothing while the dialog shows the job (or there is none). */
export function ConvertStatus() {
  const job = useApp((s) => (s.convertDialogOpen ? null : s.convertJob));
  const show = useApp((s) => s.openConvertDialog);
  if (job === null) return null;
  const text =
    job.failure !== null
      ? 'OME-TIFF export failed'
      : job.summary !== null
        ? summaryHeadline(job.summary)
        : `OME-TIFF: ${job.cancelling ? 'cancelling…' : progressText(job)}`;
  return (
    <span className="scan-status">
      <span className={job.failure === null ? undefined : 'text-danger'}>{text}</span>
      <button
        type="button"
        className="btn btn-small"
        aria-label="Show the OME-TIFF export"
        title={convertEnded(job) ? 'What the conversion wrote' : 'The conversion’s progress, with Cancel'}
        onClick={show}
      >
        Show
      </button>
    </span>
  );
}
