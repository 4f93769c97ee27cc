/**
 * The dialog's fields for what is written beside each sidecar's pixel size: a z step, a frame
 * interval and channel names (blank: not written), each refused by name in the review for an
 * image that cannot take it; the review is read again with them before anything is written.
 */
import { FieldRow } from '../kit';
import { useApp } from '../store';
import { readExtras, sameExtras, type CalibrateExtras } from './calibrate-extras';
import type { CalibrateDialog } from './calibrate-slice';

const FIELDS: readonly { key: keyof CalibrateExtras; label: string; hint: string }[] = [
  { key: 'zStep', label: 'Z step', hint: 'In the pixel size’s unit; only for images of more than one Z plane.' },
  { key: 'interval', label: 'Frame interval (s)', hint: 'Only for images of more than one time point.' },
  {
    key: 'channels',
    label: 'Channel names',
    hint: 'Separated by commas, one per channel in the file’s order (not for a plain TIFF).',
  },
];

/** The three fields and Review again; blank fields write nothing. */
export function CalibrateExtrasFields({ dialog }: { dialog: CalibrateDialog }) {
  const setExtras = useApp((s) => s.setCalibrateExtras);
  const reviewAgain = useApp((s) => s.reviewCalibrateAgain);
  const read = readExtras(dialog.extras);
  const problems = read.ok ? {} : read.problems;
  const stale = !sameExtras(dialog.extras, dialog.reviewed);
  return (
    <section className="calibrate-extras" aria-labelledby="calibrate-extras-title">
      <p id="calibrate-extras-title" className="modal-label">
        Also write (optional)
      </p>
      {FIELDS.map(({ key, label, hint }) => (
        <FieldRow
          key={key}
          id={`calibrate-${key}`}
          label={label}
          message={problems[key] ?? hint}
          invalid={problems[key] !== undefined}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              value={dialog.extras[key]}
              spellCheck={false}
              autoComplete="off"
              onChange={(event) => setExtras({ [key]: event.target.value })}
            />
          )}
        </FieldRow>
      ))}
      {stale && (
        <p className="small calibrate-stale">
          <button type="button" className="btn" disabled={!read.ok} onClick={() => void reviewAgain()}>
            Review again
          </button>{' '}
          to see what these values change before writing.
        </p>
      )}
    </section>
  );
}
