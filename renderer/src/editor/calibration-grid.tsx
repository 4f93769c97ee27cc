/**
 * The four calibration fields as a small grid: a row for X and one for Y, a column for the pixel
 * size and one for its unit. The fields' own names (Pixel size X, Pixel size unit X, ...) are
 * their labels for screen readers and their tooltips.
 */
import { editableField, type FieldSpec } from '../../../shared/fields/field-table';
import { FieldCell } from './field-row';

/** The calibration fields of one axis: its size and its unit. */
const AXES = (['x', 'y'] as const).map((axis) => ({
  axis: axis.toUpperCase(),
  size: editableField(`physical_unit_${axis}`) as FieldSpec,
  unit: editableField(`physical_label_${axis}`) as FieldSpec,
}));

/** The grid for the images in `paths`. */
export function CalibrationGrid({ paths, readOnly }: { paths: readonly string[]; readOnly: boolean }) {
  return (
    <div className="calibration">
      <div className="calibration-grid">
        <span aria-hidden="true" />
        <span className="calibration-head" aria-hidden="true">
          Pixel size
        </span>
        <span className="calibration-head" aria-hidden="true">
          Unit
        </span>
        {AXES.map(({ axis, size, unit }) => (
          <div key={axis} className="calibration-row">
            <span className="calibration-axis" aria-hidden="true">
              {axis}
            </span>
            <FieldCell field={size} paths={paths} readOnly={readOnly} />
            <FieldCell field={unit} paths={paths} readOnly={readOnly} />
          </div>
        ))}
      </div>
      <p className="field-help">
        How big one pixel is along X (across) and Y (down), e.g. 0.5 um. In line scans Y is time: a size in seconds.
        Pixels means not calibrated.
      </p>
    </div>
  );
}
