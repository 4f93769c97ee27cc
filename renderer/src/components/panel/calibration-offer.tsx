/** Offers the calibration the image file declares when the sidecar holds another one. */
import { useShallow } from 'zustand/react/shallow';
import { calibrationOffer } from '../../store/field-state';
import { useApp, useAppStore } from '../../store/store-context';
import { plural } from '../../lib/format';

/** A one-click "Use file calibration" for the images in `paths` that would change. */
export function CalibrationOffer({ paths }: { paths: readonly string[] }) {
  const store = useAppStore();
  const offer = useApp(useShallow((s) => calibrationOffer(s, paths)));
  if (offer.count === 0) return null;
  const label = offer.description ? `Use file calibration (${offer.description})` : `Use file calibration (${plural(offer.count, 'image')})`;
  return (
    <div className="callout callout-info">
      <span>{paths.length === 1 ? 'The image file declares a pixel size.' : `${plural(offer.count, 'image file')} declare their own pixel size.`}</span>
      <button type="button" className="btn btn-small" onClick={() => store.getState().applyFileCalibration(paths)}>
        {label}
      </button>
    </div>
  );
}
