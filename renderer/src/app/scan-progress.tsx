/** Scan progress: a thin bar under the toolbar, and the status bar's text with Cancel / Scan again. */
import { formatCount } from '../lib/format';
import { useApp } from '../store';

/** Determinate once the number of images is known. */
export function ScanProgress() {
  const scanning = useApp((s) => s.scan.status === 'scanning');
  const done = useApp((s) => s.scan.done);
  const total = useApp((s) => s.scan.total);
  if (!scanning) return <div className="scan-progress-placeholder" />;
  const known = total !== null && total > 0;
  return (
    <div
      className={`scan-progress${known ? '' : ' scan-progress-indeterminate'}`}
      role="progressbar"
      aria-label="Scanning folder"
      aria-valuemin={0}
      aria-valuemax={known ? total : undefined}
      aria-valuenow={known ? done : undefined}
    >
      <div
        className="scan-progress-bar"
        style={known ? { transform: `scaleX(${Math.min(1, done / total)})` } : undefined}
      />
    </div>
  );
}

/** The scan's state for the status bar: progress with Cancel, or what a cancelled scan listed with "Scan again". */
export function ScanStatus() {
  const scan = useApp((s) => s.scan);
  const cancelScan = useApp((s) => s.cancelScan);
  const startScan = useApp((s) => s.startScan);
  if (scan.status === 'scanning') {
    return (
      <span className="scan-status">
        <span>
          {scan.total === null
            ? `Scanning… ${formatCount(scan.done)} images`
            : `Scanning… ${formatCount(scan.done)} of ${formatCount(scan.total)}`}
        </span>
        <button
          type="button"
          className="btn btn-small"
          title="Stop reading the folder; the images listed so far stay"
          onClick={() => void cancelScan()}
        >
          Cancel
        </button>
      </span>
    );
  }
  if (scan.status === 'cancelled') {
    return (
      <span className="scan-status">
        <span>
          Scan cancelled:{' '}
          {scan.total === null
            ? `${formatCount(scan.done)} images listed`
            : `${formatCount(scan.done)} of ${formatCount(scan.total)} images listed`}
        </span>
        <button type="button" className="btn btn-small" onClick={() => void startScan()}>
          Scan again
        </button>
      </span>
    );
  }
  if (scan.status === 'failed') return <span className="text-danger">Scan failed: {scan.error}</span>;
  return null;
}
