/**
 * The Header section's calibration: each value the TIFF's own header holds and where it was
 * read, and a warning, with the way to write it, when the header disagrees with the sidecar.
 */
import type { ImageRow } from '../../../shared/api';
import { headerCalibration, headerSidecarGap } from './header-calibration-values';
import { useAppStore } from '../store';

/** The values and the warning, for a TIFF whose tags are read. */
export function HeaderCalibration({ row }: { row: ImageRow }) {
  const store = useAppStore();
  const gap = headerSidecarGap(row);
  return (
    <section className="header-calibration" aria-label="Pixel size and steps the header holds">
      <dl className="kv-grid">
        {headerCalibration(row).map((entry) => (
          <div key={entry.value} className="kv kv-wide">
            <dt>{entry.value[0]?.toUpperCase() + entry.value.slice(1)}</dt>
            <dd className="kv-wrap">
              {entry.place === null ? (
                <span className="mono" title="No ImageJ unit, OME-XML size or resolution in cm">
                  none
                </span>
              ) : (
                <>
                  <span className="mono">{entry.text}</span> <span className="muted small">from {entry.place}</span>
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {gap !== null && (
        <p className="small text-warning header-calibration-gap" role="note">
          {gap} Fiji, QuPath and napari read the header.{' '}
          <button type="button" className="link-button" onClick={() => void store.getState().openCalibrate([row.path])}>
            Write calibration into the header…
          </button>
        </p>
      )}
    </section>
  );
}
