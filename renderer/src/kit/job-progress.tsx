/**
 * The progress of a background job in a dialog (a conversion, a collection export): a bar, the
 * step in words (announced as it changes) and the item under way.
 */
import { plural } from '../lib/format';

/** How far the job is: `done` of `total` (null before its first step), the words, the item under way. */
interface JobProgressProps {
  /** The bar's accessible name: `Planes written`. */
  label: string;
  progress: { done: number; total: number; current: string } | null;
  text: string;
}

/** The bar, the words and the item under way. */
export function JobProgress({ label, progress, text }: JobProgressProps) {
  return (
    <>
      <progress
        className="convert-progress"
        aria-label={label}
        max={Math.max(1, progress?.total ?? 1)}
        {...(progress === null ? {} : { value: progress.done })}
      />
      <p className="small" aria-live="polite">
        {text}
      </p>
      {progress !== null && <p className="muted small mono convert-current">{progress.current}</p>}
    </>
  );
}

/** The note that an export carries what is on disk, when `unsaved` images have edits not saved. */
export function UnsavedNote({ unsaved, what }: { unsaved: number; what: string }) {
  if (unsaved === 0) return null;
  return (
    <p className="callout callout-warning bulk-callout small">
      {what} what is saved on disk: {plural(unsaved, 'image')} {unsaved === 1 ? 'has' : 'have'} unsaved changes.
    </p>
  );
}
