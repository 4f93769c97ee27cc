/** The ROIs drawn over the preview, in image pixels; a click on one selects it. */
import type { RoiEntry } from '../../../shared/analysis';
import { roiColor, roiTitle } from './roi-format';

interface RoiOverlayProps {
  rois: readonly RoiEntry[];
  /** Full-size dimensions of the plane the ROIs are drawn on. */
  width: number;
  height: number;
  /** Index (in the ROI list) of the selected ROI. */
  selected: number | null;
  onSelect(index: number | null): void;
}

function Shape({ roi }: { roi: RoiEntry }) {
  const bounds = roi.bounds;
  if (bounds?.kind === 'rect') {
    return (
      <rect
        className="roi-shape"
        x={bounds.colStart}
        y={bounds.rowStart}
        width={Math.max(0, bounds.colStop - bounds.colStart)}
        height={Math.max(0, bounds.rowStop - bounds.rowStart)}
      />
    );
  }
  if (bounds?.kind === 'line') {
    // Line ends are pixel indices; +0.5 puts them on the pixel centres.
    const points = { x1: bounds.col0 + 0.5, y1: bounds.row0 + 0.5, x2: bounds.col1 + 0.5, y2: bounds.row1 + 0.5 };
    return (
      <>
        <line className="roi-hit" {...points} />
        <line className="roi-shape" {...points} />
      </>
    );
  }
  return null;
}

/** Where an ROI's label goes, in percent of the image. */
function labelAt(roi: RoiEntry, width: number, height: number): { left: string; top: string } | null {
  const b = roi.bounds;
  if (b === null) return null;
  const [col, row] = b.kind === 'rect' ? [b.colStart, b.rowStart] : [b.col0, b.row0];
  const clamp = (v: number) => `${Math.min(100, Math.max(0, v * 100))}%`;
  return { left: clamp(col / width), top: clamp(row / height) };
}

/** SVG shapes stretched over the preview (non-scaling strokes), plus their id labels. */
export function RoiOverlay({ rois, width, height, selected, onSelect }: RoiOverlayProps) {
  const drawn = rois.filter((roi) => roi.bounds !== null);
  if (drawn.length === 0) return null;
  // The selected ROI is drawn last, so it is on top and takes the clicks where ROIs overlap.
  const ordered = [...drawn.filter((r) => r.index !== selected), ...drawn.filter((r) => r.index === selected)];
  return (
    <div className="roi-layer">
      <svg
        className="roi-overlay"
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        role="group"
        aria-label="ROIs on the image"
        onClick={(event) => {
          if (event.target === event.currentTarget) onSelect(null);
        }}
      >
        {ordered.map((roi) => (
          <g
            key={roi.index}
            role="button"
            aria-label={`${roiTitle(roi)} on the image`}
            aria-pressed={roi.index === selected}
            className={`roi${roi.index === selected ? ' is-selected' : ''}`}
            style={{ color: roiColor(roi.index) }}
            onClick={() => onSelect(roi.index === selected ? null : roi.index)}
          >
            <title>{`${roiTitle(roi)}${roi.name ? ` · ${roi.name}` : ''}`}</title>
            <Shape roi={roi} />
          </g>
        ))}
      </svg>
      {drawn.map((roi) => {
        const at = labelAt(roi, width, height);
        return (
          at && (
            <span
              key={roi.index}
              className={`roi-label${roi.index === selected ? ' is-selected' : ''}`}
              style={{ ...at, background: roiColor(roi.index) }}
              aria-hidden="true"
            >
              {roi.id ?? '?'}
            </span>
          )
        );
      })}
    </div>
  );
}
