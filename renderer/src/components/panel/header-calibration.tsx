/**
 * The Header section's calibration: each value the TIFF's own header holds and where it was
 * read, and a warning, with the way to write it, when the header disagrees with the sidecar.
 */
import type { ImageDetail, ImageRow } from '../../../../shared/api';
import { headerCalibration, headerSidecarGap } from '../../lib/header-calibration';
import { useAppStore } from '../../store/store-context';

/** The values and the warning, for a TIFF whose tags are read. */
export function HeaderCalibration({ row, detail }: { row: ImageRow; detail: ImageDetail }) {
  const store = useAppStore();
  const gap = headerSidecarGap(row);
  return (
    <section className="header-calibration" aria-label="Calibration in the header">
      <dl className="kv-grid">
        {headerCalibration(row, detail.description).map((entry) => (
          <div key={entry.value} className="kv kv-wide">
            <dt>Header {entry.value}</dt>
            <dd className="kv-wrap">
              <span className="mono">{entry.text}</span>{' '}
              <span className="muted small">
                {entry.place === null ? '(no ImageJ unit, OME-XML size or resolution in cm)' : `from ${entry.place}`}
              </span>
            </dd>
          </div>
        ))}
      </dl>
      {gap !== null && (
        <div className="callout callout-warning callout-stack" role="note">
          <span>
            The header disagrees with the sidecar: {gap} Programs that read the file (Fiji, QuPath, napari) see the
            header’s.
          </span>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void store.getState().openCalibrate([row.path])}
          >
            Write calibration into the header…
          </button>
        </div>
      )}
    </section>
  );
}
