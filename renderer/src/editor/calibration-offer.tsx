/**
 * What the editor says about the pixel size an image file declares: a one-click "use it" when
 * the sidecar holds another one, a note that a new sidecar takes it, and, for a print
 * resolution in dots per inch, that it is not a microscope calibration. Numbers are rounded for
 * display; the button's tooltip has the exact values it writes.
 */
import { useShallow } from 'zustand/react/shallow';
import { CALIBRATION_SOURCE_NAMES } from '../../../shared/sidecar';
import { calibrationOfferPaths, selectCalibrationOffer, singleCalibrationOffer } from './select-calibration-offer';
import { useApp, useAppStore } from '../store';
import { dotsPerInch, shownPixelSize, writtenPixelSize } from '../lib/calibration';
import { plural } from '../lib/format';

function UseButton({
  paths,
  size,
  anyway = false,
}: {
  paths: readonly string[];
  size: { x: number; y: number; label: string };
  anyway?: boolean;
}) {
  const store = useAppStore();
  return (
    <button
      type="button"
      className="btn btn-small"
      title={writtenPixelSize(size)}
      onClick={() => store.getState().applyFileCalibration(paths)}
    >
      Use {shownPixelSize(size)}
      {anyway ? ' anyway' : ''}
    </button>
  );
}

/** At the top of the one-image editor: the file declares a calibration the sidecar does not have. */
export function CalibrationWarning({ path }: { path: string }) {
  const offer = useApp(useShallow((s) => singleCalibrationOffer(s, path)));
  if (offer.kind !== 'differs' || offer.source === null) return null;
  return (
    <div className="callout callout-warning">
      <span>
        The file declares <strong title={writtenPixelSize(offer)}>{shownPixelSize(offer)}</strong> per pixel (
        {CALIBRATION_SOURCE_NAMES[offer.source]}); {offer.newSidecar ? 'the new sidecar would have' : 'the sidecar has'}{' '}
        {offer.current}.
      </span>
      <UseButton paths={[path]} size={offer} />
    </div>
  );
}

function SingleNote({ path }: { path: string }) {
  const offer = useApp(useShallow((s) => singleCalibrationOffer(s, path)));
  if (offer.kind === 'new-sidecar' && offer.source !== null) {
    return (
      <p className="field-help">
        No sidecar yet: saving creates one with the file’s calibration,{' '}
        <span title={writtenPixelSize(offer)}>{shownPixelSize(offer)}</span> per pixel (
        {CALIBRATION_SOURCE_NAMES[offer.source]}).
      </p>
    );
  }
  if (offer.kind !== 'print') return null;
  return (
    <div className="callout callout-info callout-stack">
      <span>
        The file states a print resolution of {dotsPerInch(offer)} ({CALIBRATION_SOURCE_NAMES['resolution-inch']}). That
        is not a microscope calibration, so it is not used; as a pixel size it would be {shownPixelSize(offer)}.
      </span>
      <UseButton paths={[path]} size={offer} anyway />
    </div>
  );
}

function MultiNote({ paths }: { paths: readonly string[] }) {
  const store = useAppStore();
  const offer = useApp(selectCalibrationOffer(paths));
  if (offer === null || (offer.count === 0 && offer.print === 0)) return null;
  const apply = () => {
    const s = store.getState();
    s.applyFileCalibration(calibrationOfferPaths(s, paths));
  };
  return (
    <div className="callout callout-info callout-stack">
      {offer.count > 0 && (
        <span>
          {plural(offer.count, 'image')} {offer.count === 1 ? 'declares its' : 'declare their'} own pixel size (
          {offer.sources}), which {offer.count === 1 ? 'its sidecar does' : 'their sidecars do'} not have.
        </span>
      )}
      {offer.count > 0 && (
        <button
          type="button"
          className="btn btn-small"
          title={offer.same ? writtenPixelSize(offer) : undefined}
          onClick={apply}
        >
          {offer.same ? `Use ${shownPixelSize(offer)}` : 'Use each file’s calibration'} ({plural(offer.count, 'image')})
        </button>
      )}
      {offer.print > 0 && (
        <span className="small">
          {plural(offer.print, offer.count > 0 ? 'more image' : 'image')} {offer.print === 1 ? 'states' : 'state'} only
          a print resolution in dots per inch, which is not a microscope calibration: left as{' '}
          {offer.print === 1 ? 'it is' : 'they are'}.
        </span>
      )}
    </div>
  );
}

/** In the Calibration section: notes and offers for one image or many. */
export function CalibrationNote({ paths }: { paths: readonly string[] }) {
  return paths.length === 1 ? <SingleNote path={paths[0]!} /> : <MultiNote paths={paths} />;
}
