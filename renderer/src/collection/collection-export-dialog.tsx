/**
 * "Export as CloudScope collection…": the options, then the export's progress (Cancel stops
 * it; the dialog stays until it ends, as nothing is written half way), then what it did.
 */
import type { CollectionExportOutcome } from '../../../shared/api';
import { formatCount, plural } from '../lib/format';
import { collectionExportEnded, type CollectionExportJob } from './collection-export-slice';
import { useApp } from '../store';
import { JobFailure, Modal, ModalActions, ProgressFooter } from '../kit';
import { CollectionExportForm } from './collection-export-form';

/** `3 of 40 images written` (or where the export is before its first image). */
function progressText(job: CollectionExportJob): string {
  if (job.jobId === null || job.progress === null) return `Reading ${plural(job.images, 'image')}…`;
  if (job.progress.done === job.progress.total) return 'Checking the collection and reading it back…';
  return `${formatCount(job.progress.done)} of ${plural(job.progress.total, 'image')} written`;
}

function Running({ job }: { job: CollectionExportJob }) {
  const cancel = useApp((s) => s.cancelCollectionExport);
  const { progress } = job;
  return (
    <>
      <p className="small">
        {plural(job.images, 'image')} into <span className="mono">{job.destination}</span>
      </p>
      <ProgressFooter
        label="Images written"
        progress={progress}
        text={job.cancelling ? 'Cancelling…' : progressText(job)}
        onCancel={() => void cancel()}
        cancelLabel="Cancel export"
      />
    </>
  );
}

/** Images of the export, each with what is said of it: its file, and which of the file's images when it holds several. */
function ImageNotes({
  notes,
  label,
}: {
  notes: { path: string; image: string | null; text: string }[];
  label: string;
}) {
  return (
    <ul className="layout-paths small" aria-label={label}>
      {notes.map((note, i) => (
        <li key={i}>
          <span className="mono">{note.path}</span>
          {note.image !== null && ` (${note.image})`}: {note.text}
        </li>
      ))}
    </ul>
  );
}

/** What an ended export did, in words. */
function OutcomeView({ outcome }: { outcome: CollectionExportOutcome }) {
  if (outcome.kind === 'cancelled')
    return (
      <p className="layout-verdict" role="status">
        Cancelled: nothing was written.
      </p>
    );
  const refusals = outcome.refusals.map((r) => ({ path: r.path, image: r.image, text: r.reason }));
  if (outcome.kind === 'refused')
    return (
      <>
        <p className="layout-verdict" role="status">
          Nothing was written: {plural(outcome.refusals.length, 'image')} cannot be exported.
        </p>
        <ImageNotes notes={refusals} label="Not exported" />
      </>
    );
  return (
    <>
      <p className="layout-verdict" role="status">
        {plural(outcome.images, 'image')} written{outcome.replaced ? ', replacing the collection there' : ''}: checked
        against acqstore’s contract, every level read back.
        {refusals.length > 0 &&
          ` ${plural(refusals.length, 'image')} could not be exported and ${refusals.length === 1 ? 'is' : 'are'} left out:`}
      </p>
      {refusals.length > 0 && <ImageNotes notes={refusals} label="Not exported" />}
      <p className="muted small">
        In <span className="mono">{outcome.destination}</span>
      </p>
      {outcome.notes.length > 0 && (
        <ImageNotes notes={outcome.notes.map((n) => ({ ...n, text: n.note }))} label="Left out of the copies" />
      )}
      {outcome.leftOut.length > 0 && (
        <p className="muted small">Left out, as OME-Zarr stores are not exported again: {outcome.leftOut.join(', ')}</p>
      )}
    </>
  );
}

/** The dialog, while the store has it open. */
export function CollectionExportDialog() {
  const open = useApp((s) => s.collectionExportOpen);
  const job = useApp((s) => s.collectionExportJob);
  const close = useApp((s) => s.closeCollectionExport);
  if (!open) return null;
  // One dialog per phase, so that each opens with the focus on its own safe button.
  const phase = job === null ? 'form' : collectionExportEnded(job) ? 'ended' : 'running';
  return (
    <Modal
      key={phase}
      labelledBy="collection-title"
      title="Export as CloudScope collection"
      onCancel={close}
      className="convert-dialog"
    >
      {job === null ? (
        <CollectionExportForm onClose={close} />
      ) : phase === 'running' ? (
        <Running job={job} />
      ) : (
        <>
          <JobFailure what="The export" failure={job.failure} />
          {job.outcome !== null && <OutcomeView outcome={job.outcome} />}
          <ModalActions onCancel={close} cancelLabel="Close" focusCancel />
        </>
      )}
    </Modal>
  );
}
