/** The ROIs section of the single-image editor (read-only): one entry per ROI, as CloudScope wrote it. */
import { useEffect, useRef } from 'react';
import type { RoiEntry } from '../../../shared/analysis';
import { boundsLines, roiColor, roiTitle, type ImageCalibration } from './roi-format';

interface RoisSectionProps {
  rois: readonly RoiEntry[];
  calibration: ImageCalibration;
  /** Index (in the list) of the selected ROI. */
  selected: number | null;
  onSelect(index: number | null): void;
}

function RoiItem({
  roi,
  calibration,
  selected,
  onSelect,
}: {
  roi: RoiEntry;
  calibration: ImageCalibration;
  selected: boolean;
  onSelect(index: number | null): void;
}) {
  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (selected) item.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);
  const known = roi.bounds !== null;
  return (
    <li ref={item} className={`roi-item${selected ? ' is-selected' : ''}`}>
      <button
        type="button"
        className="roi-item-head"
        aria-pressed={selected}
        disabled={!known}
        onClick={() => onSelect(selected ? null : roi.index)}
      >
        <span
          className="roi-swatch"
          style={{ background: known ? roiColor(roi.index) : 'transparent' }}
          aria-hidden="true"
        />
        <span className="roi-item-title">{roiTitle(roi)}</span>
        {roi.name && <span className="roi-item-name">{roi.name}</span>}
        <span className="roi-type mono">{roi.type || 'no type'}</span>
      </button>
      {roi.bounds && (
        <dl className="roi-bounds">
          {boundsLines(roi.bounds, calibration).map(([label, text]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{text}</dd>
            </div>
          ))}
        </dl>
      )}
      {roi.note && <p className="roi-note">{roi.note}</p>}
      {!known && (
        <details className="disclosure roi-raw">
          <summary>
            {roi.type === 'rectroi' || roi.type === 'linesegmentroi'
              ? 'Bounds cannot be read: raw data'
              : 'Not drawn (unknown type): raw data'}
          </summary>
          <pre className="code-block">{roi.raw}</pre>
        </details>
      )}
    </li>
  );
}

/** The ROI list; hidden when the sidecar has none. */
export function RoisSection({ rois, calibration, selected, onSelect }: RoisSectionProps) {
  if (rois.length === 0) return null;
  return (
    <section className="panel-section" aria-labelledby="section-rois">
      <h3 id="section-rois" className="section-title">
        ROIs <span className="section-count">{rois.length}</span>
      </h3>
      <ul className="plain-list roi-list" aria-label="ROIs">
        {rois.map((roi) => (
          <RoiItem
            key={roi.index}
            roi={roi}
            calibration={calibration}
            selected={roi.index === selected}
            onSelect={onSelect}
          />
        ))}
      </ul>
    </section>
  );
}
