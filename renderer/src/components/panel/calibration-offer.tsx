/** Offers the calibration the image file declares when the sidecar holds another one. */
import { selectEditView } from '../../store/selectors';
import { useApp, useAppStore } from '../../store/store-context';
import { plural } from '../../lib/format';

/**
 * A one-click "Use file calibration" for the images in `paths` that would change. For one
 * image it says what differs (shown at the top of the editor, where the problem is seen).
 */
export function CalibrationOffer({ paths }: { paths: readonly string[] }) {
  const store = useAppStore();
  const offer = useApp((s) => selectEditView(paths)(s).calibration);
  if (offer.count === 0) return null;
  const single = paths.length === 1;
  const label = offer.description ? `Use file calibration (${offer.description})` : `Use file calibration (${plural(offer.count, 'image')})`;
  const text = single
    ? `${offer.mismatch ?? 'The image file declares another pixel size'}.`
    : `${plural(offer.count, 'image file')} ${offer.count === 1 ? 'declares its' : 'declare their'} own pixel size.`;
  return (
    <div className={`callout ${single ? 'callout-warning' : 'callout-info'}`}>
      <span>{text}</span>
      <button type="button" className="btn btn-small" onClick={() => store.getState().applyFileCalibration(paths)}>
        {label}
      </button>
    </div>
  );
}
