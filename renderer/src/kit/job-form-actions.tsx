/**
 * The foot of a job dialog's form (Export as OME-TIFF, as a CloudScope collection): the note
 * that the job takes what is saved on disk, Cancel, and the submit that starts the job.
 */
import { plural } from '../lib/format';
import { selectSaveSummary, useApp } from '../store';
import { UnsavedNote } from './job-progress';
import { ModalActions } from './modal-actions';

interface JobFormActionsProps {
  /** The submit's verb: `Convert` gives `Convert 2 images`. */
  verb: string;
  /** How many images the job takes; with none, or while the form is not `ready`, it cannot start. */
  images: number;
  ready: boolean;
  /** What the job makes of images with edits not saved: `The copies carry`. */
  carries: string;
  onCancel: () => void;
}

/** The note, then Cancel and the submit, which has the first focus. */
export function JobFormActions({ verb, images, ready, carries, onCancel }: JobFormActionsProps) {
  const unsaved = useApp((s) => selectSaveSummary(s).files);
  return (
    <>
      <UnsavedNote unsaved={unsaved} what={carries} />
      <ModalActions onCancel={onCancel}>
        <button type="submit" className="btn btn-primary" disabled={images === 0 || !ready} data-autofocus>
          {verb} {plural(images, 'image')}
        </button>
      </ModalActions>
    </>
  );
}
