/** A thin progress bar under the toolbar while the folder is scanned. */
import { useApp } from '../store/store-context';

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
      <div className="scan-progress-bar" style={known ? { width: `${Math.min(100, (done / total) * 100)}%` } : undefined} />
    </div>
  );
}
